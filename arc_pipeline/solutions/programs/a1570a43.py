# Four green dots mark the corners of a box. Move the red shape (unchanged) so that its bounding
# box's top-left corner sits one cell diagonally inside the top-left green dot.
def solve(I):
    shape_obj = first(objects_by_color(keep_only_color(I, 2, 0), 0))
    box = cells_to_object(cells_of_color(I, 3), 3)
    moved = move_object_to(shape_obj, add(object_top(box), 1), add(object_left(box), 1))
    O = paint_object(erase_object(I, shape_obj, 0), moved)
    return O
