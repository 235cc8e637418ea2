# Extend the azure vertical stub into a full column and the red horizontal stub into a full row;
# the cell where they cross becomes yellow.
def solve(I):
    azure = cells_of_color(I, 8)
    red = cells_of_color(I, 2)
    column = column_cells_through(I, azure)
    row = row_cells_through(I, red)
    with_lines = set_cells(set_cells(I, column, 8), row, 2)
    O = set_cells(with_lines, intersection(column, row), 4)
    return O
