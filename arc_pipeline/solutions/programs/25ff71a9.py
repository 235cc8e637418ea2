# Move the whole picture down by one row.
# orientation-semantic: only flip_horizontal: the picture moves down
def solve(I):
    bg = most_common_color(I)
    O = shift_grid(I, 1, 0, bg)
    return O
