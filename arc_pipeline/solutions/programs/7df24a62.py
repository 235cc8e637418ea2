# A blue box holds a pattern of yellow dots. Wherever else the yellow dots form the same pattern
# (rotated or mirrored, with no extra yellow inside the box area), draw the blue box around them;
# parts of a box that fall off the grid are simply cut.
def solve(I):
    objs = find_objects(I, True, False, 0)
    box = first(objects_of_color(objs, 1))
    template = crop_to_object(I, box)
    frame = object_border_cells(grid_to_object(template, 0))
    key = replace_color(set_cells(template, frame, 9), 1, 0)
    orientations = grid_symmetries(key)
    stamp = chain(fix_second(map_colors, ((9, 1), (0, 1))), fix_second(grid_to_object, 0))
    placer = chain(stamp, fix_first(fix_first, place_object_at))
    find_spots = fix_first(fix_last(pattern_placements, 9), I)
    boxes_for = fork(map_items, placer, find_spots)
    new_boxes = flatten(map_items(boxes_for, orientations))
    O = paint_objects(I, new_boxes)
    return O
