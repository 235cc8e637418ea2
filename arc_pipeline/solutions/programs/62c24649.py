# Mirror the grid to the right and then downward, giving a 2x-size grid with four-way symmetry.
# orientation-semantic: only transpose: the input stays in the top-left quadrant, mirrored rightward and downward
def solve(I):
    wide = mirror_right(I)
    O = mirror_down(wide)
    return O
