# Count the blue cells (1 to 4). The output is an empty 3x3 grid where that many red cells are placed
# in the fixed order: top-left, top-middle, top-right, then centre.
# colour-semantic: keep 1,2: blue (1) cells are counted and red (2) cells are placed
# orientation-semantic: the red cells fill a fixed order: top-left, top-middle, top-right, centre
def solve(I):
    bg = most_common_color(I)
    blue_count = color_count(I, 1)
    fill_order = ((0, 0), (0, 1), (0, 2), (1, 1))
    red_cells = pad_items(fill_order, blue_count, (0, 0))
    O = set_cells(make_grid(bg, 3, 3), red_cells, 2)
    return O
