# Place the left-right mirror image of the grid to its right, doubling the width.
def solve(I):
    O = mirror_right(I)
    return O
