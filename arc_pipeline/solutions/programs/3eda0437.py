# Find the largest-area solid rectangle of black cells that is at least 2 cells tall and wide,
# and fill it with magenta.
# colour-semantic: keep 0,6: the empty cells are black (the grids are black-and-blue noise) and the rectangle is filled magenta
def solve(I):
    O = set_cells(I, largest_rectangle_of_color(I, 0, 2), 6)
    return O
