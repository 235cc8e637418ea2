# Place the grid's left-right mirror image to the right of it.
def solve(I):
    O = mirror_right(I)
    return O
