# Compare the pattern above the divider row with the pattern below it (each half has its own colour
# on a shared background, the one colour both halves use): cells filled in exactly one of the two
# become green, all others are background.
# colour-semantic: keep 3: the differing cells become green, a colour the input does not use
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the two patterns are the top and bottom halves
def solve(I):
    top = top_half(I)
    bottom = bottom_half(I)
    bg = first(intersection(palette(top), palette(bottom)))
    filled_top = cells_not_of_color(top, bg)
    filled_bottom = cells_not_of_color(bottom, bg)
    either = difference(union(filled_top, filled_bottom), intersection(filled_top, filled_bottom))
    O = set_cells(make_grid(bg, height(top), width(top)), either, 3)
    return O
