# Through the centre of every hollow square, draw a magenta line across the whole row and
# the whole column; the lines only cover the background, not the squares.
# colour-semantic: keep 6: the lines are magenta
def solve(I):
    bg = most_common_color(I)
    squares = find_objects(I, True, False, bg)
    centres = map_items(object_center, squares)
    lines = merge((row_cells_through(I, centres), column_cells_through(I, centres)))
    O = paint_cells_on_background(I, lines, 6, bg)
    return O
