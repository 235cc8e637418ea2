# Each grey cell is replaced by a 3x3 pattern centred on it: grey in the four diagonal corners,
# blue directly above, below, left and right, and an empty centre.
def solve(I):
    dots = find_objects(I, True, False, 0)
    sides = merge(map_items(fix_second(object_neighbor_cells, False), dots))
    ring = merge(map_items(fix_second(object_neighbor_cells, True), dots))
    corners = difference(ring, sides)
    blank = make_grid(0, height(I), width(I))
    O = set_cells(set_cells(blank, corners, 5), sides, 1)
    return O
