# Any two blue (1) cells in the same row or the same column are joined by a light-blue (8)
# line over the black cells between them.
def solve(I):
    row_spans = fill_row_spans(I, 0)
    col_spans = transpose(fill_row_spans(transpose(I), 0))
    lines = combine_or(row_spans, col_spans, 8)
    O = overlay(lines, I, 0)
    return O
