# Every grey cell gets a ring of blue on its eight neighbouring cells.
def solve(I):
    greys = cells_to_object(cells_of_color(I, 5), 5)
    O = set_cells(I, object_neighbor_cells(greys, True), 1)
    return O
