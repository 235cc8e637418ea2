# Each vertical red bar has its lower half (rounded down, counted from the bottom) recoloured
# light blue (8).
def solve(I):
    bars = find_objects(I, True, False, 0)
    half_up = chain(object_height, chain(fix_first(add, 1), fix_second(floor_divide, 2)))
    shifted = fork(fix_last(shift_object, 0), identity, half_up)
    lower_cells = fork(intersection, object_cells, chain(shifted, object_cells))
    lower = merge(map_items(lower_cells, bars))
    O = set_cells(I, lower, 8)
    return O
