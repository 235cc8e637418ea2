# Any two coloured cells in the same row or column are joined by a green line between them; the
# coloured cells stay.
# colour-semantic: keep 3: the joining lines are green
def solve(I):
    bg = most_common_color(I)
    dot = least_common_color(I)
    across = fill_row_spans(I, bg)
    down = transpose(fill_row_spans(transpose(I), bg))
    joined = overlay(across, down, bg)
    O = overlay(replace_color(joined, dot, 3), I, bg)
    return O
