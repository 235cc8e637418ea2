# Each hollow square has an empty interior; fill it by size: a 3x3 hole becomes 8,
# a 2x2 hole becomes 7 and a single-cell hole becomes 6.
# colour-semantic: keep 6,7,8: the hole size names the fill colour (3x3 azure, 2x2 orange, 1x1 magenta)
def solve(I):
    regions = find_objects(I, True, False, least_common_color(I))
    holes = drop_if(regions, fix_second(touches_border, I))
    size_to_color = ((9, 8), (4, 7), (1, 6))
    new_color = chain(object_size, fix_first(lookup, size_to_color))
    filled = map_items(fork(recolor_object, identity, new_color), holes)
    O = paint_objects(I, filled)
    return O
