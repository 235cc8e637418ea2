# Any two azure cells in the same row or column are joined by a green line between them; the
# azure cells stay.
def solve(I):
    across = fill_row_spans(I, 0)
    down = transpose(fill_row_spans(transpose(I), 0))
    joined = overlay(across, down, 0)
    O = overlay(replace_color(joined, 8, 3), I, 0)
    return O
