# Place the grid's left-right mirror image to the right of it.
# orientation-semantic: only flip_vertical: the mirror image is placed to the right of the grid.
def solve(I):
    O = mirror_right(I)
    return O
