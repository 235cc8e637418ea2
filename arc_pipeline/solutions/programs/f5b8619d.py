# Every black cell in a column that contains a coloured cell becomes light blue (8); then the
# result is tiled 2x2.
def solve(I):
    columns = column_cells_through(I, cells_not_of_color(I, 0))
    marked = paint_cells_on_background(I, columns, 8, 0)
    O = tile(marked, 2, 2)
    return O
