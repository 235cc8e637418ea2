# Four dots of the rarest colour mark the top, bottom, left and right limits. Draw a rectangular outline in the
# colour of the small shape, one cell inside those limits (just inside the dots).
def solve(I):
    bg = most_common_color(I)
    dots = cells_of_color(I, least_common_color(I))
    outer = cells_to_object(bbox_of_cells(dots), bg)
    inner = difference(object_cells(outer), object_border_cells(outer))
    frame = object_border_cells(cells_to_object(inner, 1))
    shape_color = object_color(largest_object(find_objects(I, True, False, bg)))
    O = set_cells(I, frame, shape_color)
    return O
