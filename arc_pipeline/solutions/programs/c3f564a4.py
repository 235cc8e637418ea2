# The grid is a repeating diagonal colour pattern with holes of one extra colour cut into it;
# fill the holes by continuing the repeating pattern. The hole colour is the one colour that
# the filled pattern no longer contains.
def solve(I):
    fill_with = fix_first(fill_periodic_pattern, I)
    survives = fork(contains, chain(fill_with, palette), identity)
    hole = first(drop_if(palette(I), survives))
    O = fill_with(hole)
    return O
