# The pattern repeats with some row period; continue it to one and a half times its height and
# turn blue into red.
# colour-semantic: keep 1,2: blue cells become red
# orientation-semantic: only flip_horizontal: the pattern is continued downward
def solve(I):
    extended = extend_rows_periodically(I, floor_divide(multiply(height(I), 3), 2))
    O = replace_color(extended, 1, 2)
    return O
