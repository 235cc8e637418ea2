# Each colour group (all cells of one colour) slides vertically until its top row matches the
# top row of the blue group; columns stay the same.
# colour-semantic: keep 1: the blue group is the one the others align to
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the groups sit side by side and slide up or down
def solve(I):
    bg = most_common_color(I)
    shapes = objects_by_color(I, bg)
    blue = first(objects_of_color(shapes, 1))
    aligned = map_items(fix_second(move_object_to_row, object_top(blue)), shapes)
    blank = make_grid(bg, height(I), width(I))
    O = paint_objects(blank, aligned)
    return O
