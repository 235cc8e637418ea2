# Four dots of the rarest colour mark the corners of a box. Move the other shape (unchanged) so that
# its bounding box's top-left corner sits one cell diagonally inside the top-left dot.
def solve(I):
    bg = most_common_color(I)
    dot_color = least_common_color(I)
    shape_obj = first(objects_by_color(remove_color(I, dot_color, bg), bg))
    box = cells_to_object(cells_of_color(I, dot_color), dot_color)
    moved = move_object_to(shape_obj, add(object_top(box), 1), add(object_left(box), 1))
    O = paint_object(erase_object(I, shape_obj, bg), moved)
    return O
