# A big shape (the second most common colour, here called red) has holes; small 3x3 pieces lie outside,
# each made of red cells and one other colour. Each piece (turned or mirrored as needed) fits a hole: its red cells fill the hole exactly and its
# coloured cells cover the shape around it. Place every piece into its hole and output the big shape.
def solve(I):
    bg = most_common_color(I)
    red = nth(colors_by_frequency(I), 1)
    objs = find_objects(I, False, False, bg)
    body = largest_object(objs)
    pieces = map_items(fix_first(crop_to_object, I), drop_if(objs, fix_second(equals, body)))
    symmetries = (identity, rotate_90, rotate_180, rotate_270, flip_horizontal, flip_vertical, transpose, flip_antidiagonal)
    all_views = chain(fix_first(fix_last, fix_last(repeat_apply, 1)), fix_second(map_items, symmetries))
    variants = flatten(map_items(all_views, pieces))
    red_shape = chain(fix_last(fix_last(keep_only_color, bg), red), fix_second(crop_to_content, bg))
    holes = drop_if(objects_of_color(find_objects(I, True, True, 10), bg), fix_second(touches_border, I))
    hole_shape = chain(fix_second(recolor_object, red), fix_second(object_to_grid, bg))
    fits = chain(chain(hole_shape, fix_first(fix_second, equals)), fix_first(chain, red_shape))
    chosen = chain(fork(keep_if, constant(variants), fits), first)
    red_offset = chain(fix_second(cells_of_color, red), chain(fix_second(cells_to_object, red), object_position))
    anchor = fork(subtract, object_position, chain(chosen, red_offset))
    placed = map_items(fork(place_object_at, chain(chosen, fix_second(grid_to_object, bg)), anchor), holes)
    O = crop_to_object(paint_objects(I, placed), body)
    return O
