# Rotate the grid a quarter turn counter-clockwise.
def solve(I):
    O = rotate_270(I)
    return O
