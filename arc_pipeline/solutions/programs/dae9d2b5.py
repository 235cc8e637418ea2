# The grid holds two 3x3 halves side by side (along its longer side); a cell of the output is
# magenta (6) where either half is coloured, otherwise background.
# colour-semantic: keep 6: the marked cells are always magenta, a colour the input does not hold.
def solve(I):
    bg = most_common_color(I)
    halves = if_else(greater_than(width(I), height(I)), split_columns(I, 2), split_rows(I, 2))
    both = overlay(first(halves), last(halves), bg)
    O = set_cells(make_grid(bg, height(both), width(both)), cells_not_of_color(both, bg), 6)
    return O
