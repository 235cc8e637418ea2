# Recolour each grey shape by its number of cells: 4 cells become blue (1), 3 cells red (2),
# 2 cells green (3).
def solve(I):
    shapes = find_objects(I, True, False, 0)
    new_color = chain(object_size, fix_first(lookup, ((4, 1), (3, 2), (2, 3))))
    recolored = map_items(fork(recolor_object, identity, new_color), shapes)
    O = paint_objects(I, recolored)
    return O
