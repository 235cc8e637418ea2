# Every solid rectangle is hollowed out: only its one-cell outline remains.
def solve(I):
    rectangles = find_objects(I, True, False, 0)
    outlines = merge(map_items(object_border_cells, rectangles))
    mask = set_cells(make_grid(0, height(I), width(I)), outlines, 1)
    O = keep_where(I, mask, 0)
    return O
