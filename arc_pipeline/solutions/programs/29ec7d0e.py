# The grid is a periodic multiplication-table-like pattern with black holes; restore the holes by
# continuing the repeating pattern.
# colour-semantic: keep 0: the holes are black; the wallpaper may use any colours
def solve(I):
    O = fill_periodic_pattern(I, 0)
    return O
