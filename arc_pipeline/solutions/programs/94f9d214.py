# Overlay the top half and the bottom half (each has its own colour on a shared background, the
# one colour both halves use): cells that are background in both become red, all else background.
# colour-semantic: keep 2: the cells empty in both halves become red, a colour the input does not use
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the two halves are the top and bottom halves
def solve(I):
    top = top_half(I)
    bg = first(intersection(palette(top), palette(bottom_half(I))))
    empty_both = intersection(grid_indices_where_equal(top, bottom_half(I)), cells_of_color(top, bg))
    O = set_cells(make_grid(bg, height(top), width(top)), empty_both, 2)
    return O
