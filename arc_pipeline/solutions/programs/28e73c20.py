# Draw a green square spiral over the empty grid: start at the top-left corner, run clockwise
# inward, and keep a one-cell gap between neighbouring turns.
# colour-semantic: keep 3: the spiral is drawn green
# orientation-semantic: the spiral starts at the top-left corner and turns clockwise
def solve(I):
    O = set_cells(I, spiral_cells(I), 3)
    return O
