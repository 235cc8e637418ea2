# Each red cell extends into a full red column; each blue or green cell extends into a full
# row of its colour, and the rows are drawn over the columns.
# colour-semantic: keep 1,2,3: red cells become columns, blue and green cells rows
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: red extends along columns and blue/green along rows
def solve(I):
    with_columns = set_cells(I, column_cells_through(I, cells_of_color(I, 2)), 2)
    with_blue = set_cells(with_columns, row_cells_through(I, cells_of_color(I, 1)), 1)
    O = set_cells(with_blue, row_cells_through(I, cells_of_color(I, 3)), 3)
    return O
