# Move the whole picture down by one row.
def solve(I):
    bg = most_common_color(I)
    O = shift_grid(I, 1, 0, bg)
    return O
