# Inside the ragged border, every row and every column whose interior is completely empty is
# filled with green along its whole empty length.
# colour-semantic: keep 3: the open rows and columns are filled green
def solve(I):
    bg = most_common_color(I)
    fill_green = fix_last(fix_last(replace_color, 3), bg)
    row_is_open = chain(fix_second(color_count, bg), fix_first(equals, subtract(width(I), 2)))
    rows_done = stack_vertical(map_items(apply_if(row_is_open, fill_green), split_rows(I, height(I))))
    T = transpose(I)
    col_is_open = chain(fix_second(color_count, bg), fix_first(equals, subtract(height(I), 2)))
    cols_done = transpose(stack_vertical(map_items(apply_if(col_is_open, fill_green), split_rows(T, height(T)))))
    O = overlay(rows_done, keep_only_color(cols_done, 3, bg), bg)
    return O
