# A box (outline of one colour, filled with another) is stretched so that it reaches the single
# marker cell (the rarest colour); the marker becomes part of the box's outline.
def solve(I):
    box = largest_object(find_objects(I, False, False, most_common_color(I)))
    marker = cells_of_color(I, least_common_color(I))
    frame_color = cell_color(I, object_top(box), object_left(box))
    fill_color = cell_color(I, add(object_top(box), 1), add(object_left(box), 1))
    area = bbox_of_cells(union(object_cells(box), marker))
    frame = object_border_cells(cells_to_object(area, 0))
    filled = set_cells(I, area, fill_color)
    O = set_cells(filled, frame, frame_color)
    return O
