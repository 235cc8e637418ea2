# Holes in the grid (cells not of its most common colour) are coloured by size: single cells green (3), pairs red (2),
# colour-semantic: keep 1,2,3: the new colours are named by hole size: single green, pair red, three blue.
# groups of three blue (1).
def solve(I):
    holes = find_objects(I, True, False, most_common_color(I))
    size_to_color = ((1, 3), (2, 2), (3, 1))
    new_color = chain(object_size, fix_first(lookup, size_to_color))
    O = paint_objects(I, map_items(fork(recolor_object, identity, new_color), holes))
    return O
