# A grey line splits the grid into a top and a bottom half; overlay the two halves (coloured
# cells of both are kept).
# orientation-semantic: only flip_horizontal: the line splits the grid into a top and a bottom half.
def solve(I):
    bg = most_common_color(I)
    halves = split_rows(I, 2)
    O = overlay(first(halves), last(halves), bg)
    return O
