# Marks along the top row select columns and marks down the right edge select rows; every empty
# crossing of a selected row and a selected column becomes red.
# colour-semantic: keep 2: the crossings are painted red
# orientation-semantic: the marks run along the top row and down the right edge
def solve(I):
    bg = most_common_color(I)
    mark = least_common_color(I)
    top_marks = cells_of_color(select_rows(I, 0, 1), mark)
    side_marks = cells_of_color(select_columns(I, -1, width(I)), mark)
    crossings = intersection(column_cells_through(I, top_marks), row_cells_through(I, side_marks))
    O = paint_cells_on_background(I, crossings, 2, bg)
    return O
