# A shape slides toward a wall (the straight line of another colour that spans the grid) until it
# touches it; then an azure (8) line parallel to the wall is drawn right against the shape's other side.
# colour-semantic: keep 8: the new line is azure, a colour the input does not show
def solve(I):
    bg = most_common_color(I)
    full_height = chain(object_height, fix_first(equals, height(I)))
    full_width = chain(object_width, fix_first(equals, width(I)))
    spans = fork(logical_or, full_height, full_width)
    wall = first(keep_if(keep_if(find_objects(I, True, False, bg), is_rectangle), spans))
    shape_color = first(difference(palette(I), pair(bg, object_color(wall))))
    shape_obj = cells_to_object(cells_of_color(I, shape_color), shape_color)
    moved = move_until_touching(shape_obj, wall)
    step = direction_toward(object_position(shape_obj), object_position(moved))
    vertical_move = not_equal(first(step), 0)
    extent = if_else(vertical_move, object_height(moved), object_width(moved))
    back = subtract(-1, extent)
    new_line = recolor_object(shift_object(wall, multiply(first(step), back), multiply(last(step), back)), 8)
    cleared = replace_color(I, shape_color, bg)
    O = paint_objects(cleared, pair(moved, new_line))
    return O
