# Add a one-cell border around the grid that repeats the nearest edge cell (each edge row and
# column is duplicated outward); the four new corner cells are black (0).
# colour-semantic: keep 0: the four new corner cells are always black (0), a colour the inputs do not use
def solve(I):
    top_row = select_rows(I, 0, 1)
    bottom_row = select_rows(I, -1, height(I))
    tall = stack_vertical((top_row, I, bottom_row))
    left_col = select_columns(tall, 0, 1)
    right_col = select_columns(tall, -1, width(tall))
    framed = stack_horizontal((left_col, tall, right_col))
    O = set_cells(framed, bbox_corners(all_cells(framed)), 0)
    return O
