# A big red shape has holes; small 3x3 pieces lie outside, each made of red cells and one other colour.
# Each piece (turned or mirrored as needed) fits a hole: its red cells fill the hole exactly and its
# coloured cells cover the shape around it. Place every piece into its hole and output the big shape.
def solve(I):
    objs = find_objects(I, False, False, 0)
    body = largest_object(objs)
    pieces = map_items(fix_first(crop_to_object, I), drop_if(objs, fix_second(equals, body)))
    symmetries = (identity, rotate_90, rotate_180, rotate_270, flip_horizontal, flip_vertical, transpose, flip_antidiagonal)
    all_views = chain(fix_first(fix_last, fix_last(repeat_apply, 1)), fix_second(map_items, symmetries))
    variants = flatten(map_items(all_views, pieces))
    red_shape = chain(fix_last(fix_last(keep_only_color, 0), 2), fix_second(crop_to_content, 0))
    holes = drop_if(objects_of_color(find_objects(I, True, True, 10), 0), fix_second(touches_border, I))
    hole_shape = chain(fix_second(recolor_object, 2), fix_second(object_to_grid, 0))
    fits = chain(chain(hole_shape, fix_first(fix_second, equals)), fix_first(chain, red_shape))
    chosen = chain(fork(keep_if, constant(variants), fits), first)
    red_offset = chain(fix_second(cells_of_color, 2), chain(fix_second(cells_to_object, 2), object_position))
    anchor = fork(subtract, object_position, chain(chosen, red_offset))
    placed = map_items(fork(place_object_at, chain(chosen, fix_second(grid_to_object, 0)), anchor), holes)
    O = crop_to_object(paint_objects(I, placed), body)
    return O
