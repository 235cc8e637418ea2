# Every dot gets a ring of blue on its eight neighbouring cells.
# colour-semantic: keep 1: the rings are blue
def solve(I):
    greys = cells_to_object(cells_of_color(I, least_common_color(I)), least_common_color(I))
    O = set_cells(I, object_neighbor_cells(greys, True), 1)
    return O
