# Each single cell is replaced by a 3x3 pattern centred on it: its colour in the four diagonal corners,
# blue directly above, below, left and right, and an empty centre.
# colour-semantic: keep 1: the side cells are blue, a colour the input does not use
def solve(I):
    bg = most_common_color(I)
    dots = find_objects(I, True, False, bg)
    sides = merge(map_items(fix_second(object_neighbor_cells, False), dots))
    ring = merge(map_items(fix_second(object_neighbor_cells, True), dots))
    corners = difference(ring, sides)
    blank = make_grid(bg, height(I), width(I))
    O = set_cells(set_cells(blank, corners, least_common_color(I)), sides, 1)
    return O
