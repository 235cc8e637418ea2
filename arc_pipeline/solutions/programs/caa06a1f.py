# A repeating pattern covers part of the grid, the rest is a flat filler colour. Extend the
# pattern over the whole grid, shifted one column to the left (its colours advance by one step).
def solve(I):
    filler = cell_color(I, -1, -1)
    holes = replace_color(I, filler, 0)
    wider = concat_horizontal(holes, make_grid(0, height(I), 1))
    extended = fill_periodic_pattern(wider, 0)
    O = select_columns(extended, 1, add(width(I), 1))
    return O
