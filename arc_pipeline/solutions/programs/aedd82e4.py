# Red cells that have no red neighbour above, below, left or right (isolated single cells) turn blue.
def solve(I):
    singles = objects_of_size(find_objects(I, True, False, 0), 1)
    O = paint_objects(I, map_items(fix_second(recolor_object, 1), singles))
    return O
