# Mirror the grid left-right.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the mirror is left-right
def solve(I):
    O = flip_horizontal(I)
    return O
