# A box (the largest one-colour shape) holds a pattern of dots of another colour. Wherever else
# the dots form the same pattern (rotated or mirrored, with no extra dot inside the box area),
# draw the box around them; parts of a box that fall off the grid are simply cut.
def solve(I):
    bg = most_common_color(I)
    box = largest_object(find_objects(I, True, False, bg))
    box_color = object_color(box)
    template = crop_to_object(I, box)
    frame = object_border_cells(grid_to_object(template, bg))
    key = replace_color(set_cells(template, frame, -1), box_color, bg)
    orientations = grid_symmetries(key)
    to_box = pair(pair(-1, box_color), pair(bg, box_color))
    stamp = chain(fix_second(map_colors, to_box), fix_second(grid_to_object, bg))
    placer = chain(stamp, fix_first(fix_first, place_object_at))
    find_spots = fix_first(fix_last(pattern_placements, -1), I)
    boxes_for = fork(map_items, placer, find_spots)
    new_boxes = flatten(map_items(boxes_for, orientations))
    O = paint_objects(I, new_boxes)
    return O
