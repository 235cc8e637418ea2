# Each group of four yellow cells marks the corners of a rectangle; fill the cells strictly inside
# that rectangle with red.
def solve(I):
    edges = fill_row_spans(I, 0)
    boxes = transpose(fill_row_spans(transpose(edges), 0))
    rects = find_objects(boxes, True, False, 0)
    inside = fork(difference, object_cells, object_border_cells)
    O = set_cells(I, merge(map_items(inside, rects)), 2)
    return O
