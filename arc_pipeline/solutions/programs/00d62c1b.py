# Every black region fully enclosed by green walls (unable to reach the grid edge) is filled yellow.
def solve(I):
    O = fill_enclosed(I, 0, 4)
    return O
