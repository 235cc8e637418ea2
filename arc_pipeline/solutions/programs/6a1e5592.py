# A red (2) band along the top has empty notches; grey (5) pieces lie below. Slide each piece
# (without turning) up into the notch it fills exactly, paint the placed pieces blue (1), and
# remove the grey originals.
# colour-semantic: keep 1,2,5: a red (2) band, grey (5) pieces that become blue (1)
# orientation-semantic: only flip_horizontal: the band lies along the top and the pieces slide up into it
def solve(I):
    bg = most_common_color(I)
    band = crop(I, 0, 0, 3, width(I))
    notches = find_objects(band, True, False, 2)
    pieces = objects_of_color(find_objects(I, True, False, bg), 5)
    placed = fit_pieces_into_holes(pieces, notches, cells_of_color(I, 2))
    blue = map_items(fix_second(recolor_object, 1), placed)
    cleared = replace_color(I, 5, bg)
    O = paint_objects(cleared, blue)
    return O
