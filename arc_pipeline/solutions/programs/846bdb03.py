# Two coloured bars capped with yellow cells form a frame; a two-coloured shape lies elsewhere.
# Output the frame with the shape fitted inside it, mirrored left-right if needed so that each
# colour of the shape sits next to the bar of the same colour.
# colour-semantic: keep 4: the frame's bars are the shapes capped with yellow (4) cells
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the bars stand upright and the shape is mirrored left-right
def solve(I):
    bg = most_common_color(I)
    objs = find_objects(I, False, False, bg)
    has_cap = chain(fix_second(object_color_count, 4), fix_second(greater_than, 0))
    bars = keep_if(objs, has_cap)
    shape_obj = first(drop_if(objs, has_cap))
    frame = crop_to_object(I, cells_to_object(merge(map_items(object_cells, bars)), bg))
    left_color = cell_color(frame, 1, 0)
    right_color = cell_color(frame, 1, -1)
    shape_grid = crop_to_object(I, shape_obj)
    parts = objects_by_color(shape_grid, bg)
    left_part = first(objects_of_color(parts, left_color))
    right_part = first(objects_of_color(parts, right_color))
    in_order = less_than(object_left(left_part), object_left(right_part))
    oriented = if_else(in_order, shape_grid, flip_horizontal(shape_grid))
    O = overlay(frame, pad(oriented, 1, bg), bg)
    return O
