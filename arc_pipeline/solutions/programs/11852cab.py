# The partial pattern has four-fold rotational symmetry around its centre; complete it by adding
# every cell's rotated copies (quarter, half and three-quarter turns) within its bounding box.
def solve(I):
    shape_obj = merge(find_objects(I, False, True, 0))
    piece = crop_to_object(I, shape_obj)
    completed = overlay_all((piece, rotate_90(piece), rotate_180(piece), rotate_270(piece)), 0)
    placed = shift_object(grid_to_object(completed, 0), object_top(shape_obj), object_left(shape_obj))
    O = paint_object(I, placed)
    return O
