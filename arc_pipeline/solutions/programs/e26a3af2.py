# The grid is made of solid stripes (all horizontal or all vertical) sprinkled with noise.
# Remove the noise: every stripe becomes entirely its majority colour.
def solve(I):
    row_fix = chain(most_common_item, fix_second(repeat_value, width(I)))
    col_fix = chain(most_common_item, fix_second(repeat_value, height(I)))
    by_rows = map_items(row_fix, I)
    by_cols = transpose(map_items(col_fix, transpose(I)))
    rows_agree = count(grid_indices_where_equal(I, by_rows))
    cols_agree = count(grid_indices_where_equal(I, by_cols))
    O = if_else(greater_than(rows_agree, cols_agree), by_rows, by_cols)
    return O
