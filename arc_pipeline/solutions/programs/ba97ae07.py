# A horizontal band and a vertical band of different colours cross. Swap which one is on top:
# the crossing area takes the colour of the band that was underneath.
def solve(I):
    bg = most_common_color(I)
    bands = objects_by_color(I, bg)
    a = first(bands)
    b = last(bands)
    crossing = intersection(object_bbox(a), object_bbox(b))
    swapped = swap_colors(I, object_color(a), object_color(b))
    mask = set_cells(make_grid(bg, height(I), width(I)), crossing, 1)
    O = overlay(I, keep_where(swapped, mask, bg), bg)
    return O
