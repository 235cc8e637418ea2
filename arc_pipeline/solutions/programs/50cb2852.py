# Every solid rectangle keeps its one-cell outline; its interior is filled with azure (8).
# colour-semantic: keep 8: the interiors are always filled with azure (8), a colour the input does not use
def solve(I):
    bg = most_common_color(I)
    rectangles = find_objects(I, True, False, bg)
    interior_of = fork(difference, object_bbox, object_border_cells)
    interiors = map_items(interior_of, rectangles)
    O = set_cells(I, merge(interiors), 8)
    return O
