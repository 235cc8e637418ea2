# Each multi-cell template contains one red or green anchor cell; every lone cell of that anchor
# colour receives a copy of its template, aligned on the anchor. Copies around green anchors keep
# the template's orientation; copies around red anchors are mirrored left-right.
# colour-semantic: keep 2,3: copies at red anchors are mirrored, copies at green anchors are not
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: red anchors mirror the copy left-right
def solve(I):
    bg = most_common_color(I)
    templates = drop_if(find_objects(I, False, True, bg), chain(object_size, fix_first(equals, 1)))
    red_templates = keep_if(templates, chain(fix_second(object_color_count, 2), fix_second(greater_than, 0)))
    green_templates = keep_if(templates, chain(fix_second(object_color_count, 3), fix_second(greater_than, 0)))
    red_t = first(if_else(greater_than(count(red_templates), 0), red_templates, repeat_value(cells_to_object(((0, 0),), 2), 1)))
    green_t = first(if_else(greater_than(count(green_templates), 0), green_templates, repeat_value(cells_to_object(((0, 0),), 3), 1)))
    red_picture = flip_horizontal(object_to_grid(red_t, bg))
    green_picture = object_to_grid(green_t, bg)
    red_anchor = first(sort_by(cells_of_color(red_picture, 2), identity))
    green_anchor = first(sort_by(cells_of_color(green_picture, 3), identity))
    red_lone = sort_by(remove_cells(cells_of_color(I, 2), red_t), identity)
    green_lone = sort_by(remove_cells(cells_of_color(I, 3), green_t), identity)
    red_stamp = chain(fix_second(subtract, red_anchor), fix_first(place_object_at, grid_to_object(red_picture, bg)))
    green_stamp = chain(fix_second(subtract, green_anchor), fix_first(place_object_at, grid_to_object(green_picture, bg)))
    with_red = paint_objects(I, map_items(red_stamp, red_lone))
    O = paint_objects(with_red, map_items(green_stamp, green_lone))
    return O
