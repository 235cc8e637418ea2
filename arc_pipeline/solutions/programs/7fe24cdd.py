# The output is a 2x2 arrangement of the input turned by successive quarter turns clockwise:
# original top-left, 90 degrees top-right, 180 degrees bottom-right, 270 degrees bottom-left.
# orientation-semantic: only transpose: the quarter turns go clockwise from the original in the top-left
def solve(I):
    upper = concat_horizontal(I, rotate_90(I))
    lower = concat_horizontal(rotate_270(I), rotate_180(I))
    O = stack_vertical((upper, lower))
    return O
