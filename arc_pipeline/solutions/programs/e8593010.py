# Black holes in the grey grid are coloured by size: single cells green (3), pairs red (2),
# groups of three blue (1).
def solve(I):
    holes = find_objects(I, True, False, 5)
    size_to_color = ((1, 3), (2, 2), (3, 1))
    new_color = chain(object_size, fix_first(lookup, size_to_color))
    O = paint_objects(I, map_items(fork(recolor_object, identity, new_color), holes))
    return O
