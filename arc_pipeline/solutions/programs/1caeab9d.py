# Each colour group (all cells of one colour) slides vertically until its top row matches the
# top row of the blue group; columns stay the same.
def solve(I):
    shapes = objects_by_color(I, 0)
    blue = first(objects_of_color(shapes, 1))
    aligned = map_items(fix_second(move_object_to_row, object_top(blue)), shapes)
    blank = make_grid(0, height(I), width(I))
    O = paint_objects(blank, aligned)
    return O
