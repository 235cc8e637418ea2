# Each grey (5) cell takes the colour of the leftmost cell of its row.
# colour-semantic: keep 0,5: grey (5) shapes on black (0) are recoloured; the shapes sometimes outnumber the
# colour-semantic: background, so nothing in the input tells the two roles apart.
# orientation-semantic: only flip_vertical: the key colours stand in the left column.
def solve(I):
    key_column = select_columns(I, 0, 1)
    row_colors = tile(key_column, 1, width(I))
    grey = keep_only_color(I, 5, 0)
    painted = keep_where(row_colors, grey, 0)
    O = overlay(I, painted, 0)
    return O
