# Mirror the grid to the right and then downward, giving a 2x-size grid with four-way symmetry.
def solve(I):
    wide = mirror_right(I)
    O = mirror_down(wide)
    return O
