# Scale the grid up by a factor equal to the number of coloured (non-background) cells.
def solve(I):
    bg = most_common_color(I)
    factor = count(cells_not_of_color(I, bg))
    O = upscale(I, factor)
    return O
