# The shape is exactly tiled by 2x2 squares and straight 1x3 bars; squares are coloured
# azure and bars red.
# colour-semantic: keep 2,8: squares are painted azure and bars red
def solve(I):
    bg = most_common_color(I)
    shape_cells = cells_not_of_color(I, bg)
    square = ((0, 0), (0, 1), (1, 0), (1, 1))
    across = ((0, 0), (0, 1), (0, 2))
    down = ((0, 0), (1, 0), (2, 0))
    tiles = tile_region(shape_cells, (square, across, down))
    with_squares = set_cells(I, first(tiles), 8)
    O = set_cells(set_cells(with_squares, nth(tiles, 1), 2), last(tiles), 2)
    return O
