# Through the centre of every hollow blue square, draw a magenta line across the whole row and
# the whole column; the lines only cover the background, not the squares.
def solve(I):
    squares = find_objects(I, True, False, 8)
    centres = map_items(object_center, squares)
    lines = merge((row_cells_through(I, centres), column_cells_through(I, centres)))
    O = paint_cells_on_background(I, lines, 6, 8)
    return O
