# Wherever two cells of the pattern colour in a row are separated by exactly one background cell,
# that cell turns red.
# colour-semantic: keep 2: the gap cells turn red, a colour the input does not use
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: only gaps along a row are filled, not along a column
def solve(I):
    bg = most_common_color(I)
    blue = least_common_color(I)
    from_left = cells_of_color(shift_grid(I, 0, 1, bg), blue)
    from_right = cells_of_color(shift_grid(I, 0, -1, bg), blue)
    between = intersection(intersection(from_left, from_right), cells_of_color(I, bg))
    O = set_cells(I, between, 2)
    return O
