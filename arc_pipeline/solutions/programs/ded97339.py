# Any two dots (the non-background colour) in the same row or the same column are joined by a
# line of the dots' colour.
def solve(I):
    bg = most_common_color(I)
    dot = least_common_color(I)
    row_spans = fill_row_spans(I, bg)
    col_spans = transpose(fill_row_spans(transpose(I), bg))
    lines = union(cells_not_of_color(row_spans, bg), cells_not_of_color(col_spans, bg))
    O = set_cells(I, lines, dot)
    return O
