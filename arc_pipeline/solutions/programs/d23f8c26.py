# Keep only the middle column of the grid; every other cell becomes background.
# orientation-semantic: only flip_horizontal,flip_vertical,rotate_180: the kept line is the middle column.
def solve(I):
    bg = most_common_color(I)
    middle = floor_divide(width(I), 2)
    column = column_cells_through(I, repeat_value(pair(0, middle), 1))
    O = paint_object(make_grid(bg, height(I), width(I)), grid_cells_to_object(I, column))
    return O
