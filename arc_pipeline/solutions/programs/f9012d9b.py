# The grid is a repeating tile pattern with a black (0) patch cut out; output the patch's
# contents restored by continuing the pattern.
def solve(I):
    restored = fill_periodic_pattern(I, 0)
    patch = cells_to_object(cells_of_color(I, 0), 0)
    O = crop_to_object(restored, patch)
    return O
