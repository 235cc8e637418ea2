# Plus-shaped crosses of the rarest colour, all with the same arm length, are partly hidden under
# cells of one of the two other (noise) colours. Find the hiding colour and the arm length for which
# copies of the cross lying on cross/hiding cells explain every cross cell, and paint the hidden
# cells of those crosses azure.
# colour-semantic: keep 8: the hidden cross cells are painted azure, a colour the input never shows
def solve(I):
    cross_color = least_common_color(I)
    shown = cells_of_color(I, cross_color)
    others = drop_if(palette(I), fix_first(equals, cross_color))
    possible_a = union(shown, cells_of_color(I, first(others)))
    possible_b = union(shown, cells_of_color(I, last(others)))
    crosses = map_items(plus_shape, (1, 2, 3, 4, 5))
    cover_on_grid = fix_last(cover_with_copies, I)
    covers_a = map_items(fix_last(fix_last(cover_on_grid, possible_a), shown), crosses)
    covers_b = map_items(fix_last(fix_last(cover_on_grid, possible_b), shown), crosses)
    is_nonempty = chain(count, fix_second(greater_than, 0))
    valid_covers = keep_if(flatten(pair(covers_a, covers_b)), is_nonempty)
    cross_cells = first(valid_covers)
    hidden = difference(cross_cells, shown)
    O = set_cells(I, hidden, 8)
    return O
