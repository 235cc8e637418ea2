# Every red (2) cell gets a blue (1) ring: its eight surrounding background cells become blue.
# colour-semantic: keep 1,2: the rule names the colours: red cells get blue rings.
def solve(I):
    reds = cells_to_object(cells_of_color(I, 2), 2)
    ring = object_neighbor_cells(reds, True)
    O = paint_cells_on_background(I, ring, 1, most_common_color(I))
    return O
