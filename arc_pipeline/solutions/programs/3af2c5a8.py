# Mirror the input to the right and then downwards, giving a 2x2 arrangement of reflections.
# orientation-semantic: only transpose: the input stays in the top-left quadrant
def solve(I):
    O = mirror_down(mirror_right(I))
    return O
