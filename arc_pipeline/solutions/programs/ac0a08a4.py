# Scale the grid up by a factor equal to the number of coloured (non-black) cells.
def solve(I):
    factor = count(cells_not_of_color(I, 0))
    O = upscale(I, factor)
    return O
