# Exactly one colour occurs in a single cell; keep only that cell, surround it with a ring of red
# on its eight neighbours, and clear everything else.
def solve(I):
    groups = objects_by_color(I, 0)
    unique_cell = first(objects_of_size(groups, 1))
    blank = make_grid(0, height(I), width(I))
    ringed = set_cells(blank, object_neighbor_cells(unique_cell, True), 2)
    O = paint_object(ringed, unique_cell)
    return O
