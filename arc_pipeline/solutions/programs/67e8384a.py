# Mirror the 3x3 input into a 6x6 output: the input followed to the right by its
# left-right mirror, and that strip followed below by its top-bottom mirror.
# orientation-semantic: only transpose: the input stays in the top-left quadrant, mirrored rightward and downward
def solve(I):
    wide = mirror_right(I)
    O = mirror_down(wide)
    return O
