# Draw an azure (8) frame one cell thick around the edge of the grid; the inside stays as it is.
# colour-semantic: keep 8: the frame is azure, a colour the plain input never shows
def solve(I):
    edge = object_border_cells(cells_to_object(all_cells(I), 0))
    O = set_cells(I, edge, 8)
    return O
