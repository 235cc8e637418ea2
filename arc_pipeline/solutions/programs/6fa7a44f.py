# Put the upside-down mirror image of the grid below it, doubling the height.
def solve(I):
    O = mirror_down(I)
    return O
