# Counting columns from the right edge (rightmost is column 0), grey (5) cells in even-numbered
# columns become green (3); grey cells in odd columns stay grey.
# colour-semantic: keep 3,5: the rule names the colours: grey cells become green.
# orientation-semantic: only flip_vertical: columns are counted from the right edge.
def solve(I):
    mirrored = flip_horizontal(I)
    stripes = crop(tile(((3, 0),), height(I), 15), 0, 0, height(I), width(I))
    grey = keep_only_color(mirrored, 5, 0)
    greens = keep_where(stripes, grey, 0)
    O = flip_horizontal(overlay(mirrored, greens, 0))
    return O
