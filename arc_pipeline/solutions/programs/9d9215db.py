# Complete the pattern with four-fold mirror symmetry (left-right and top-bottom). Then every cell
# that sits beside a ring's corner (not on the diagonal) becomes a dotted line, every second cell,
# along that side of the ring up to its mirror image.
def solve(I):
    bg = most_common_color(I)
    half_sym = overlay(I, flip_horizontal(I), bg)
    S = overlay(half_sym, flip_vertical(half_sym), bg)
    last_col = subtract(width(S), 1)
    mirror_pos = fork(pair, object_top, chain(object_left, fix_first(subtract, last_col)))
    dotted = chain(object_position, fix_second(ray_cells, (0, 2)))
    span = chain(fork(pair, object_position, mirror_pos), bbox_of_cells)
    side_line = fork(cells_to_object, fork(intersection, dotted, span), object_color)
    in_left_half = chain(object_left, fix_second(less_than, floor_divide(width(S), 2)))
    above_diagonal = fork(less_than, object_top, object_left)
    starters = keep_if(keep_if(find_objects(S, True, False, bg), in_left_half), above_diagonal)
    rows_done = paint_objects(S, map_items(side_line, starters))
    T = transpose(S)
    starters_t = keep_if(keep_if(find_objects(T, True, False, bg), in_left_half), above_diagonal)
    cols_done = transpose(paint_objects(T, map_items(side_line, starters_t)))
    quarter = overlay(rows_done, cols_done, bg)
    lines_lr = overlay(quarter, flip_horizontal(quarter), bg)
    O = overlay(lines_lr, flip_vertical(lines_lr), bg)
    return O
