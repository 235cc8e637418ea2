# Keep only the middle column of the grid; every other cell becomes background.
def solve(I):
    bg = most_common_color(I)
    middle = floor_divide(width(I), 2)
    column = column_cells_through(I, repeat_value(pair(0, middle), 1))
    O = paint_object(make_grid(bg, height(I), width(I)), grid_cells_to_object(I, column))
    return O
