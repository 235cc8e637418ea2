# From the coloured cell on the bottom row, fill its column and every second column to its right with
# its colour; in the columns between, place grey (5) alternately on the top row and on the bottom row.
# colour-semantic: keep 5: the alternating marks are always grey (5)
# orientation-semantic: the columns are filled rightward from the cell on the bottom row, grey starting on the top row
def solve(I):
    bg = most_common_color(I)
    dot = first(find_objects(I, True, False, bg))
    color = object_color(dot)
    start = object_left(dot)
    rows = height(I)
    full = make_grid(color, rows, 1)
    grey_top = set_cell(make_grid(bg, rows, 1), 0, 0, 5)
    grey_bottom = set_cell(make_grid(bg, rows, 1), subtract(rows, 1), 0, 5)
    period = stack_horizontal((full, grey_top, full, grey_bottom))
    pattern = tile(period, 1, 8)
    padded = concat_horizontal(make_grid(bg, rows, width(I)), pattern)
    O = crop(padded, 0, subtract(width(I), start), rows, width(I))
    return O
