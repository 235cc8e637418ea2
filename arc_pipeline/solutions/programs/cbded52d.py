# The grid is 3x3 blocks of blue cells. When the two outer blocks of a row of blocks (or of a
# column of blocks) have the same special colour at the same spot, the middle block gets that
# colour at that spot too.
def solve(I):
    specials = replace_color(I, 1, 0)
    right = shift_grid(specials, 0, -3, 0)
    left = shift_grid(specials, 0, 3, 0)
    below = shift_grid(specials, -3, 0, 0)
    above = shift_grid(specials, 3, 0, 0)
    row_match = grid_cells_to_object(right, grid_indices_where_equal(right, left))
    col_match = grid_cells_to_object(below, grid_indices_where_equal(below, above))
    row_marks = remove_cells(row_match, cells_of_color(right, 0))
    col_marks = remove_cells(col_match, cells_of_color(below, 0))
    O = paint_object(paint_object(I, row_marks), col_marks)
    return O
