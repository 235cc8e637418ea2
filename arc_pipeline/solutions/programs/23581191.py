# The azure and orange dots each shoot full-length lines along their row and column in their own
# colour; where an azure line crosses an orange line the cell becomes red. The dots stay.
def solve(I):
    azure = cells_of_color(I, 8)
    orange = cells_of_color(I, 7)
    azure_lines = merge((row_cells_through(I, azure), column_cells_through(I, azure)))
    orange_lines = merge((row_cells_through(I, orange), column_cells_through(I, orange)))
    blank = make_grid(0, height(I), width(I))
    crossings = combine_and(set_cells(blank, azure_lines, 1), set_cells(blank, orange_lines, 1), 2)
    drawn = set_cells(set_cells(I, azure_lines, 8), orange_lines, 7)
    O = overlay(overlay(drawn, crossings, 0), I, 0)
    return O
