# Any two light-blue (8) cells in the same row or the same column are joined by a light-blue
# line.
def solve(I):
    row_spans = fill_row_spans(I, 0)
    col_spans = transpose(fill_row_spans(transpose(I), 0))
    O = combine_or(row_spans, col_spans, 8)
    return O
