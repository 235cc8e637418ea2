# Under every cup-shaped object, mark the bottom row of the grid with a yellow (4) cell in the
# object's central column.
def solve(I):
    cups = find_objects(I, True, True, 0)
    bottom_row = subtract(height(I), 1)
    center_column = chain(object_center, last)
    marker_position = fork(pair, constant(bottom_row), center_column)
    markers = map_items(marker_position, cups)
    O = set_cells(I, markers, 4)
    return O
