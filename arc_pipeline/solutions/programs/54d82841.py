# Under every cup-shaped object, mark the bottom row of the grid with a yellow (4) cell in the
# object's central column.
# colour-semantic: keep 4: the marks are always yellow (4), a colour the input does not use
# orientation-semantic: only flip_horizontal: the marks go on the bottom row, below the cups' open side
def solve(I):
    bg = most_common_color(I)
    cups = find_objects(I, True, True, bg)
    bottom_row = subtract(height(I), 1)
    center_column = chain(object_center, last)
    marker_position = fork(pair, constant(bottom_row), center_column)
    markers = map_items(marker_position, cups)
    O = set_cells(I, markers, 4)
    return O
