# Four grey dots mark the top, bottom, left and right limits. Draw a rectangular outline in the
# colour of the small shape, one cell inside those limits (just inside the grey dots).
def solve(I):
    dots = cells_of_color(I, 5)
    outer = cells_to_object(bbox_of_cells(dots), 5)
    inner = difference(object_cells(outer), object_border_cells(outer))
    frame = object_border_cells(cells_to_object(inner, 1))
    shape_color = object_color(largest_object(find_objects(I, True, False, 0)))
    O = set_cells(I, frame, shape_color)
    return O
