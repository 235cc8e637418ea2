# A repeating pattern covers part of the grid, the rest is a flat filler colour. Extend the
# pattern over the whole grid, shifted one column to the left (its colours advance by one step).
# orientation-semantic: the pattern is shifted one column to the left.
def solve(I):
    filler = cell_color(I, -1, -1)
    wider = concat_horizontal(I, make_grid(filler, height(I), 1))
    extended = fill_periodic_pattern(wider, filler)
    O = select_columns(extended, 1, add(width(I), 1))
    return O
