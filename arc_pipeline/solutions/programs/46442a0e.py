# Build a square twice the size from four rotated copies of the input: the input top-left,
# then each further quadrant clockwise is rotated another quarter turn clockwise.
# orientation-semantic: only transpose: the input keeps the top-left quadrant and the copies turn clockwise
def solve(I):
    top = concat_horizontal(I, rotate_90(I))
    bottom = concat_horizontal(rotate_270(I), rotate_180(I))
    O = stack_vertical((top, bottom))
    return O
