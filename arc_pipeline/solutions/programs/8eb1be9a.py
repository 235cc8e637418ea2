# A horizontal band of pattern sits somewhere in the grid; repeat the band vertically, up and
# down, so that the pattern tiles the whole grid in step with the original band.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the band is horizontal (full rows) and is repeated up and down
def solve(I):
    bg = most_common_color(I)
    content = cells_to_object(cells_not_of_color(I, bg), 1)
    band_top = object_top(content)
    band_height = object_height(content)
    band = crop(I, band_top, 0, band_height, width(I))
    stacked = tile(band, add(height(I), 1), 1)
    offset = modulo(subtract(0, band_top), band_height)
    O = select_rows(stacked, offset, add(offset, height(I)))
    return O
