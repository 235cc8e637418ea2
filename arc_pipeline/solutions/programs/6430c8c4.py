# A line splits the grid into two equal halves (stacked, or side by side in a wide grid). Output green
# (3) where a cell is background in both halves, background elsewhere.
# colour-semantic: keep 3: the output marks are always green (3)
def solve(I):
    bg = most_common_color(I)
    halves = if_else(greater_than(width(I), height(I)), split_columns(I, 2), split_rows(I, 2))
    upper = first(halves)
    empty_in_both = intersection(cells_of_color(upper, bg), cells_of_color(last(halves), bg))
    O = set_cells(make_grid(bg, height(upper), width(upper)), empty_in_both, 3)
    return O
