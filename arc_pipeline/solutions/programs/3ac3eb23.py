# Each coloured cell in the top row starts a zigzag down the grid: on every odd row the colour
# sits one column left and right of it, on every even row directly below it.
# orientation-semantic: only flip_horizontal: the zigzags run down from the top row
def solve(I):
    bg = most_common_color(I)
    top = select_rows(I, 0, 1)
    beside = overlay(shift_grid(top, 0, 1, bg), shift_grid(top, 0, -1, bg), bg)
    unit = stack_vertical((top, beside))
    O = extend_rows_periodically(unit, height(I))
    return O
