# Any two dots (the non-background colour) in the same row or the same column are joined by a
# light-blue (8) line over the background cells between them.
# colour-semantic: keep 8: the joining lines are drawn light blue, a colour the input never shows
def solve(I):
    bg = most_common_color(I)
    row_spans = fill_row_spans(I, bg)
    col_spans = transpose(fill_row_spans(transpose(I), bg))
    row_new = difference(all_cells(I), grid_indices_where_equal(row_spans, I))
    col_new = difference(all_cells(I), grid_indices_where_equal(col_spans, I))
    O = set_cells(I, union(row_new, col_new), 8)
    return O
