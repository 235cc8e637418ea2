# Each solid rectangle is redrawn: blue at its four corners, yellow along the rest of its edge,
# and red inside.
# colour-semantic: keep 1,2,4: the rectangles are redrawn blue at the corners, yellow on the edge and red inside
# colour-semantic: keep 0: the background is black; the rectangles outnumber it in some pairs, so frequency cannot name it
def solve(I):
    rects = find_objects(I, True, False, 0)
    edges = merge(map_items(object_border_cells, rects))
    corners = merge(map_items(bbox_corners, rects))
    inside = replace_color(I, object_color(first(rects)), 2)
    O = set_cells(set_cells(inside, edges, 4), corners, 1)
    return O
