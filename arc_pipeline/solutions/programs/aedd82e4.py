# Red cells that have no red neighbour above, below, left or right (isolated single cells) turn blue.
# colour-semantic: keep 1: the isolated cells turn blue, a colour the input does not use
# colour-semantic: keep 0: the background is black; red cells outnumber it in some pairs, so frequency cannot name it
def solve(I):
    singles = objects_of_size(find_objects(I, True, False, 0), 1)
    O = paint_objects(I, map_items(fix_second(recolor_object, 1), singles))
    return O
