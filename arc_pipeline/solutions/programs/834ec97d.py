# The single coloured cell moves one row down. In the rows from the top down to its old row, every
# column of the same parity as its column (every second column, its own included) is filled with yellow.
# colour-semantic: keep 4: the stripes are always yellow (4)
# orientation-semantic: only flip_horizontal: the cell moves down and the stripes fill the rows above it
def solve(I):
    bg = most_common_color(I)
    dot = first(find_objects(I, True, False, bg))
    dot_row = object_top(dot)
    offset = modulo(object_left(dot), 2)
    stripes = crop(tile(((4, bg),), height(I), width(I)), 0, offset, height(I), width(I))
    upper = select_rows(stripes, 0, add(dot_row, 1))
    lower = select_rows(shift_grid(I, 1, 0, bg), add(dot_row, 1), height(I))
    O = stack_vertical((upper, lower))
    return O
