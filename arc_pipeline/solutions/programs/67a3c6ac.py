# Mirror the grid left-right.
def solve(I):
    O = flip_horizontal(I)
    return O
