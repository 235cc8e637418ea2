# Output a single row of the input's one colour, as long as the number of coloured cells.
# colour-semantic: keep 0: the background is black (0), yet in the test the coloured cells outnumber it, so it
# colour-semantic: cannot be derived as the most common colour.
# orientation-semantic: only flip_horizontal,flip_vertical,rotate_180: the output is always a single row.
def solve(I):
    color = last(palette(I))
    O = make_grid(color, 1, color_count(I, color))
    return O
