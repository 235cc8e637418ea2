# One half of the input is an azure stencil, the other half a small colour map of the same size.
# Each coloured cell of the map becomes a copy of the stencil in that colour; empty cells stay empty.
# colour-semantic: keep 8: the stencil is the azure half; nothing else tells it from the colour map
def solve(I):
    wide = greater_than(width(I), height(I))
    first_half = if_else(wide, left_half(I), top_half(I))
    second_half = if_else(wide, right_half(I), bottom_half(I))
    stencil_first = contains(palette(first_half), 8)
    stencil = if_else(stencil_first, first_half, second_half)
    colors = if_else(stencil_first, second_half, first_half)
    n = height(stencil)
    O = keep_where(upscale(colors, n), tile(stencil, n, n), most_common_color(I))
    return O
