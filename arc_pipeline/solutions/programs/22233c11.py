# Each figure is two equal squares touching diagonally. The two empty squares of its
# bounding box are copied outward diagonally, each moved one square-size away from the box,
# and drawn in azure; the figure stays.
# colour-semantic: keep 8: the copies are drawn azure, a colour the input does not hold
def solve(I):
    bg = most_common_color(I)
    figures = find_objects(I, True, True, bg)
    empty_part = chain(fork(remove_cells, object_bbox, identity), fix_last(cells_to_object, 8))
    size = chain(object_height, fix_second(floor_divide, 2))
    down_right = fork(fix_at(smear_object, 1, (1, 1)), empty_part, size)
    down_left = fork(fix_at(smear_object, 1, (1, -1)), empty_part, size)
    up_right = fork(fix_at(smear_object, 1, (-1, 1)), empty_part, size)
    up_left = fork(fix_at(smear_object, 1, (-1, -1)), empty_part, size)
    spread = chain(fork(pair, chain(fork(pair, down_right, down_left), merge), chain(fork(pair, up_right, up_left), merge)), merge)
    bands = chain(object_bbox, chain(fork(pair, fix_first(row_cells_through, I), fix_first(column_cells_through, I)), merge))
    outward = map_items(fork(remove_cells, spread, bands), figures)
    O = paint_objects(I, outward)
    return O
