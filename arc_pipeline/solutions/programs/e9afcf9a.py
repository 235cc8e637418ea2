# Two solid rows of different colours become a checkerboard of those two colours: the top row
# starts with the top colour, the bottom row with the bottom colour, alternating across.
def solve(I):
    a = cell_color(I, 0, 0)
    b = cell_color(I, 1, 0)
    unit = pair(pair(a, b), pair(b, a))
    O = crop(tile(unit, 1, 15), 0, 0, 2, width(I))
    return O
