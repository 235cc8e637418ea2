# Put the upside-down mirror image of the grid below it, doubling the height.
# orientation-semantic: only flip_horizontal: the mirror image is placed below
def solve(I):
    O = mirror_down(I)
    return O
