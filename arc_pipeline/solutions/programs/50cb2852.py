# Every solid rectangle keeps its one-cell outline; its interior is filled with azure (8).
def solve(I):
    rectangles = find_objects(I, True, False, 0)
    interior_of = fork(difference, object_bbox, object_border_cells)
    interiors = map_items(interior_of, rectangles)
    O = set_cells(I, merge(interiors), 8)
    return O
