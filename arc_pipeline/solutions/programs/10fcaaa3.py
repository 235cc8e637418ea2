# Tile the input 2x2; then every empty cell diagonally adjacent to a coloured cell becomes azure.
# colour-semantic: keep 8: the diagonal marks are azure, a colour the input does not hold
def solve(I):
    bg = most_common_color(I)
    tiled = tile(I, 2, 2)
    marks = cells_to_object(cells_not_of_color(tiled, bg), 8)
    diagonals = merge((shift_object(marks, 1, 1), shift_object(marks, 1, -1), shift_object(marks, -1, 1), shift_object(marks, -1, -1)))
    O = paint_cells_on_background(tiled, object_cells(diagonals), 8, bg)
    return O
