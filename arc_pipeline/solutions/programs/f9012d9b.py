# The grid is a repeating tile pattern with a patch of one extra colour cut out; output the
# patch's contents restored by continuing the pattern. The patch colour is the one colour that
# the filled pattern no longer contains.
def solve(I):
    fill_with = fix_first(fill_periodic_pattern, I)
    survives = fork(contains, chain(fill_with, palette), identity)
    hole = first(drop_if(palette(I), survives))
    patch = cells_to_object(cells_of_color(I, hole), hole)
    O = crop_to_object(fill_with(hole), patch)
    return O
