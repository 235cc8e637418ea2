# Exactly one colour occurs in a single cell; keep only that cell, surround it with a ring of red
# on its eight neighbours, and clear everything else to the background.
# colour-semantic: keep 2: the ring is red
def solve(I):
    bg = most_common_color(I)
    groups = objects_by_color(I, bg)
    unique_cell = first(objects_of_size(groups, 1))
    blank = make_grid(bg, height(I), width(I))
    ringed = set_cells(blank, object_neighbor_cells(unique_cell, True), 2)
    O = paint_object(ringed, unique_cell)
    return O
