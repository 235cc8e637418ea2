# Fill the inside of every grey rectangle with red, leaving a one-cell grey border.
def solve(I):
    rects = find_objects(I, True, False, 0)
    inside = merge(map_items(fork(difference, object_cells, object_border_cells), rects))
    O = set_cells(I, inside, 2)
    return O
