# The grid is a repeating wallpaper tile with black holes cut out; fill every hole by continuing
# the periodic pattern.
# colour-semantic: keep 0: the holes are black; the wallpaper may use any colours
def solve(I):
    O = fill_periodic_pattern(I, 0)
    return O
