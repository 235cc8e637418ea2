# A grey line splits the grid into a top and a bottom half; overlay the two halves (coloured
# cells of both are kept).
def solve(I):
    halves = split_rows(I, 2)
    O = overlay(first(halves), last(halves), 0)
    return O
