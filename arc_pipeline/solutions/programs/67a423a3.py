# A full-width horizontal line crosses a full-height vertical line. Surround the crossing
# cell with a 3x3 square of yellow (4), keeping the crossing cell's own colour.
# colour-semantic: keep 4: the square is always yellow (4)
def solve(I):
    bg = most_common_color(I)
    line_cells = sort_by(cells_not_of_color(I, bg), identity)
    cross_row = most_common_item(map_items(first, line_cells))
    cross_col = most_common_item(map_items(last, line_cells))
    centre = pair(cross_row, cross_col)
    square = bbox_of_cells(pair(add(centre, pair(-1, -1)), add(centre, pair(1, 1))))
    painted = set_cells(I, square, 4)
    O = set_cell(painted, cross_row, cross_col, cell_color(I, cross_row, cross_col))
    return O
