# The two dots each shoot full-length lines along their row and column in their own colour; where
# the lines of one dot cross the lines of the other the cell becomes red. The dots stay.
# colour-semantic: keep 2: the crossings are painted red
def solve(I):
    bg = most_common_color(I)
    colors = colors_by_frequency(I)
    a = nth(colors, 1)
    b = nth(colors, 2)
    a_cells = cells_of_color(I, a)
    b_cells = cells_of_color(I, b)
    a_lines = merge((row_cells_through(I, a_cells), column_cells_through(I, a_cells)))
    b_lines = merge((row_cells_through(I, b_cells), column_cells_through(I, b_cells)))
    crossings = intersection(a_lines, b_lines)
    drawn = set_cells(set_cells(set_cells(I, a_lines, a), b_lines, b), crossings, 2)
    O = overlay(drawn, I, bg)
    return O
