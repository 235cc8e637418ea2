# Place the left-right mirror image of the grid to its right, doubling the width.
# orientation-semantic: only flip_vertical: the mirror image is placed to the right
def solve(I):
    O = mirror_right(I)
    return O
