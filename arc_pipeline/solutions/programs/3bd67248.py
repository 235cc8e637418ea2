# Next to the coloured left column, draw a red diagonal from the top-right corner down to just
# above the bottom-left, and fill the bottom row (right of the column) with yellow.
# colour-semantic: keep 2,4: the diagonal is red and the bottom row yellow
# orientation-semantic: the coloured column is on the left and the diagonal starts at the top-right corner
def solve(I):
    last_row = subtract(height(I), 1)
    last_col = subtract(width(I), 1)
    with_diagonal = draw_line(I, 0, last_col, subtract(last_row, 1), 1, 2)
    O = draw_line(with_diagonal, last_row, 1, last_row, last_col, 4)
    return O
