# Dashed lines (a rectangle outline, possibly with extra straight lines across it) have
# gaps. A row or column is a line when more than half of its span across the dashed pattern's
# bounding box is line-coloured; fill the empty cells of every line inside that box with red (2).
# colour-semantic: keep 2: the gaps are filled red
def solve(I):
    bg = most_common_color(I)
    line = least_common_color(I)
    w = width(I)
    h = height(I)
    dashes = cells_of_color(I, line)
    region = bbox_of_cells(dashes)
    box = cells_to_object(region, 1)
    double_count = chain(fix_second(count_if, fix_second(equals, line)), fix_first(multiply, 2))
    is_row_line = chain(double_count, fix_second(greater_than, object_width(box)))
    is_col_line = chain(double_count, fix_second(greater_than, object_height(box)))
    row_mask = chain(is_row_line, fix_last(fix_at(if_else, 1, repeat_value(1, w)), repeat_value(0, w)))
    col_mask = chain(is_col_line, fix_last(fix_at(if_else, 1, repeat_value(1, h)), repeat_value(0, h)))
    line_rows = map_items(row_mask, I)
    line_cols = transpose(map_items(col_mask, transpose(I)))
    lines = cells_of_color(combine_or(line_rows, line_cols, 1), 1)
    gaps = intersection(intersection(lines, region), cells_of_color(I, bg))
    O = set_cells(I, gaps, 2)
    return O
