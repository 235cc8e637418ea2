# Count the 2x2 squares; mark that many cells blue (1) on a 3x3 background grid, following the
# order top-left, top-right, centre, bottom-left, bottom-right.
# colour-semantic: keep 1: the count is shown with blue marks, a colour the input never shows
# orientation-semantic: the marks fill the output in a fixed order starting at its top-left corner, which turning the input does not change
def solve(I):
    bg = most_common_color(I)
    squares = count(find_objects(I, True, False, bg))
    order = ((0, 0), (0, 2), (1, 1), (2, 0), (2, 2))
    chosen = map_items(first, zip_items(order, repeat_value(1, squares)))
    O = set_cells(make_grid(bg, 3, 3), chosen, 1)
    return O
