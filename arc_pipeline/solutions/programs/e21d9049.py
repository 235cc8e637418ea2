# A short horizontal and a short vertical run of colours cross. Repeat the horizontal run's
# colour sequence along its whole row, and the vertical run's sequence along its whole column.
def solve(I):
    side_neighbors = combine_or(shift_grid(I, 0, 1, 0), shift_grid(I, 0, -1, 0), 1)
    vertical_neighbors = combine_or(shift_grid(I, 1, 0, 0), shift_grid(I, -1, 0, 0), 1)
    row_run = keep_where(I, combine_and(I, side_neighbors, 1), 0)
    col_run = keep_where(I, combine_and(I, vertical_neighbors, 1), 0)
    row_index = object_top(grid_to_object(row_run, 0))
    col_index = object_left(grid_to_object(col_run, 0))
    full_row = fill_periodic_pattern(select_rows(row_run, row_index, add(row_index, 1)), 0)
    full_col = fill_periodic_pattern(select_columns(col_run, col_index, add(col_index, 1)), 0)
    with_row = paint_object(I, shift_object(grid_to_object(full_row, 0), row_index, 0))
    O = paint_object(with_row, shift_object(grid_to_object(full_col, 0), 0, col_index))
    return O
