# The grid is 3x3 blocks of one colour (the most common) split by lines. When the two outer
# blocks of a row of blocks (or of a column of blocks) have the same special colour at the same
# spot, the middle block gets that colour at that spot too.
def solve(I):
    block = most_common_color(I)
    line = cell_color(I, 2, 2)
    specials = replace_color(I, block, line)
    right = shift_grid(specials, 0, -3, line)
    left = shift_grid(specials, 0, 3, line)
    below = shift_grid(specials, -3, 0, line)
    above = shift_grid(specials, 3, 0, line)
    row_match = grid_cells_to_object(right, grid_indices_where_equal(right, left))
    col_match = grid_cells_to_object(below, grid_indices_where_equal(below, above))
    row_marks = remove_cells(row_match, cells_of_color(right, line))
    col_marks = remove_cells(col_match, cells_of_color(below, line))
    O = paint_object(paint_object(I, row_marks), col_marks)
    return O
