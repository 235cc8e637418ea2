# A green (3) shape slides toward the red (2) line until it touches it; then an azure (8) line
# parallel to the red one is drawn right against the shape's other side.
def solve(I):
    shape_obj = cells_to_object(cells_of_color(I, 3), 3)
    wall = cells_to_object(cells_of_color(I, 2), 2)
    moved = move_until_touching(shape_obj, wall)
    step = direction_toward(object_position(shape_obj), object_position(moved))
    vertical_move = not_equal(first(step), 0)
    extent = if_else(vertical_move, object_height(moved), object_width(moved))
    back = subtract(-1, extent)
    new_line = recolor_object(shift_object(wall, multiply(first(step), back), multiply(last(step), back)), 8)
    cleared = replace_color(I, 3, 0)
    O = paint_objects(cleared, pair(moved, new_line))
    return O
