# The pattern repeats downward, possibly stepping sideways by the same amount each cycle. Continue
# it until the grid is 10 rows tall (10x10 output).
# orientation-semantic: only flip_horizontal: the pattern is continued downward to 10 rows
def solve(I):
    bg = most_common_color(I)
    O = extend_shifted_pattern_down(I, 10, bg)
    return O
