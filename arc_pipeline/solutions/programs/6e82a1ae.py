# Recolour each shape by its number of cells: 4 cells become blue (1), 3 cells red (2),
# 2 cells green (3); the background (most common colour) stays.
# colour-semantic: keep 1,2,3: the rule names the new colours by size (4 cells blue, 3 red, 2 green)
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, False, bg)
    new_color = chain(object_size, fix_first(lookup, ((4, 1), (3, 2), (2, 3))))
    recolored = map_items(fork(recolor_object, identity, new_color), shapes)
    O = paint_objects(I, recolored)
    return O
