# The partial pattern has four-fold rotational symmetry around its centre; complete it by adding
# every cell's rotated copies (quarter, half and three-quarter turns) within its bounding box.
def solve(I):
    bg = most_common_color(I)
    shape_obj = merge(find_objects(I, False, True, bg))
    piece = crop_to_object(I, shape_obj)
    completed = overlay_all((piece, rotate_90(piece), rotate_180(piece), rotate_270(piece)), bg)
    placed = shift_object(grid_to_object(completed, bg), object_top(shape_obj), object_left(shape_obj))
    O = paint_object(I, placed)
    return O
