# Each blue cup (open at a gap in its top edge) holds one coloured dot; the cup's empty inside and
# the row just above the cup (across its width) are filled with the dot's colour.
# colour-semantic: keep 1: the cups are blue
# orientation-semantic: only flip_horizontal: the cups open upward and spill into the row above
def solve(I):
    bg = most_common_color(I)
    cups = objects_of_color(find_objects(I, True, False, bg), 1)
    shift_up = fix_last(fix_last(shift_object, 0), -1)
    region = chain(fork(pair, object_bbox, chain(shift_up, object_bbox)), merge)
    dot_color = chain(fix_first(crop_to_object, I), least_common_color)
    fills = map_items(fork(cells_to_object, region, dot_color), cups)
    painted = paint_objects(make_grid(bg, height(I), width(I)), fills)
    O = overlay(painted, I, bg)
    return O
