# In every third column (columns 0, 3, 6, ...), yellow cells become magenta.
# colour-semantic: keep 4,6: yellow cells become magenta
# orientation-semantic: only flip_vertical: the recoloured columns are every third one counted from the left edge
def solve(I):
    stripes = crop(tile(((1, 0, 0),), height(I), width(I)), 0, 0, height(I), width(I))
    hit = intersection(cells_of_color(stripes, 1), cells_of_color(I, 4))
    O = set_cells(I, hit, 6)
    return O
