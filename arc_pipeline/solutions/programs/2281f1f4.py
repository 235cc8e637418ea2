# Grey marks along the top row select columns and grey marks down the right edge select rows;
# every crossing of a selected row and a selected column becomes red.
def solve(I):
    top_marks = cells_of_color(select_rows(I, 0, 1), 5)
    side_marks = cells_of_color(select_columns(I, -1, width(I)), 5)
    blank = make_grid(0, height(I), width(I))
    col_mask = set_cells(blank, column_cells_through(I, top_marks), 1)
    row_mask = set_cells(blank, row_cells_through(I, side_marks), 1)
    crossings = combine_and(col_mask, row_mask, 2)
    O = overlay(crossings, I, 0)
    return O
