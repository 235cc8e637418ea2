# Mirror the input to the right and then downwards, giving a 2x2 arrangement of reflections.
def solve(I):
    O = mirror_down(mirror_right(I))
    return O
