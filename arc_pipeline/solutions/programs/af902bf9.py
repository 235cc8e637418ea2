# Each group of four yellow cells marks the corners of a rectangle; fill the cells strictly inside
# that rectangle with red.
# colour-semantic: keep 2: the inside of each rectangle becomes red, a colour the input does not use
def solve(I):
    bg = most_common_color(I)
    edges = fill_row_spans(I, bg)
    boxes = transpose(fill_row_spans(transpose(edges), bg))
    rects = find_objects(boxes, True, False, bg)
    inside = fork(difference, object_cells, object_border_cells)
    O = set_cells(I, merge(map_items(inside, rects)), 2)
    return O
