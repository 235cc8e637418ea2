# The grid holds two 3x3 halves (one maroon, one blue) along its longer side; overlay them and
# output red (2) where both are background (the colour both halves share), background elsewhere.
# colour-semantic: keep 2: the marked cells are always red, a colour the input does not hold.
def solve(I):
    halves = if_else(greater_than(width(I), height(I)), split_columns(I, 2), split_rows(I, 2))
    bg = first(intersection(palette(first(halves)), palette(last(halves))))
    both = overlay(first(halves), last(halves), bg)
    O = set_cells(make_grid(bg, height(both), width(both)), cells_of_color(both, bg), 2)
    return O
