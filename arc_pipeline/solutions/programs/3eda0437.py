# Find the largest-area solid rectangle of black cells that is at least 2 cells tall and wide,
# and fill it with magenta.
def solve(I):
    O = set_cells(I, largest_rectangle_of_color(I, 0, 2), 6)
    return O
