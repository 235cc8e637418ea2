# Grey shapes made of exactly six cells turn red (2); every other grey shape turns blue (1).
# colour-semantic: keep 1,2: the new colours are named: six-cell shapes turn red, the rest blue.
def solve(I):
    shapes = find_objects(I, True, False, most_common_color(I))
    pick_color = chain(object_size, chain(fix_first(equals, 6), fix_last(fix_last(if_else, 1), 2)))
    recolored = map_items(fork(recolor_object, identity, pick_color), shapes)
    O = paint_objects(I, recolored)
    return O
