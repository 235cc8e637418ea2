# Every background cell (most common colour) in a column that contains a coloured cell becomes
# light blue (8); then the result is tiled 2x2.
# colour-semantic: keep 8: the marked columns turn light blue, a colour the input does not show
# orientation-semantic: only flip_horizontal,flip_vertical,rotate_180: the marks run down whole columns, never along rows
def solve(I):
    bg = most_common_color(I)
    columns = column_cells_through(I, cells_not_of_color(I, bg))
    marked = paint_cells_on_background(I, columns, 8, bg)
    O = tile(marked, 2, 2)
    return O
