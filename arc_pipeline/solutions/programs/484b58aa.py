# The grid is a repeating tiled pattern with black (0) holes cut out; restore the holes by
# continuing the pattern.
# colour-semantic: keep 0: the holes cut out of the pattern are black (0); the pattern's colours are free
def solve(I):
    O = fill_periodic_pattern(I, 0)
    return O
