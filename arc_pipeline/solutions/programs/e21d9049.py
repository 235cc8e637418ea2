# A short horizontal and a short vertical run of colours cross. Repeat the horizontal run's
# colour sequence along its whole row, and the vertical run's sequence along its whole column
# (the row and column holding the most non-background cells).
def solve(I):
    bg = most_common_color(I)
    marked = cells_not_of_color(I, bg)
    row_index = most_common_item(map_items(first, marked))
    col_index = most_common_item(map_items(last, marked))
    full_row = fill_periodic_pattern(select_rows(I, row_index, add(row_index, 1)), bg)
    full_col = fill_periodic_pattern(select_columns(I, col_index, add(col_index, 1)), bg)
    with_row = paint_object(I, shift_object(grid_to_object(full_row, bg), row_index, 0))
    O = paint_object(with_row, shift_object(grid_to_object(full_col, bg), 0, col_index))
    return O
