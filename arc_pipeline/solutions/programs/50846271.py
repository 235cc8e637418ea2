# Red plus-shaped crosses, all with the same arm length, are partly hidden under grey cells.
# Find the arm length for which copies of the cross lying on red/grey cells explain every red
# cell, and paint the hidden (grey) cells of those crosses azure.
def solve(I):
    red = cells_of_color(I, 2)
    grey = cells_of_color(I, 5)
    possible = union(red, grey)
    crosses = map_items(plus_shape, (1, 2, 3, 4, 5))
    cover_on_grid = fix_last(cover_with_copies, I)
    cover_possible = fix_last(cover_on_grid, possible)
    cover_red = fix_last(cover_possible, red)
    covers = map_items(cover_red, crosses)
    is_nonempty = chain(count, fix_second(greater_than, 0))
    valid_covers = keep_if(covers, is_nonempty)
    cross_cells = first(valid_covers)
    hidden = difference(cross_cells, red)
    O = set_cells(I, hidden, 8)
    return O
