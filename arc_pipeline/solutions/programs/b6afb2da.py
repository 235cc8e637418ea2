# Each grey rectangle is redrawn: blue at its four corners, yellow along the rest of its edge,
# and red inside.
def solve(I):
    rects = find_objects(I, True, False, 0)
    edges = merge(map_items(object_border_cells, rects))
    corners = merge(map_items(bbox_corners, rects))
    inside = replace_color(I, 5, 2)
    O = set_cells(set_cells(inside, edges, 4), corners, 1)
    return O
