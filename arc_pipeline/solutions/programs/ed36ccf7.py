# Rotate the grid a quarter turn counter-clockwise.
# orientation-semantic: only rotate_90,rotate_180,rotate_270: the turn is counter-clockwise, which a mirror reverses.
def solve(I):
    O = rotate_270(I)
    return O
