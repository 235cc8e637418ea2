# Rotate the grid by a half turn.
def solve(I):
    O = rotate_180(I)
    return O
