# Each vertical bar has its lower half (rounded down, counted from the bottom) recoloured
# light blue (8).
# colour-semantic: keep 8: the lower halves always become light blue, a colour the input does not hold.
# orientation-semantic: only flip_horizontal: the bars hang down and their lower half is recoloured.
def solve(I):
    bg = most_common_color(I)
    bars = find_objects(I, True, False, bg)
    half_up = chain(object_height, chain(fix_first(add, 1), fix_second(floor_divide, 2)))
    shifted = fork(fix_last(shift_object, 0), identity, half_up)
    lower_cells = fork(intersection, object_cells, chain(shifted, object_cells))
    lower = merge(map_items(lower_cells, bars))
    O = set_cells(I, lower, 8)
    return O
