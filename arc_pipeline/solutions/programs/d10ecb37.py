# Output the 2x2 block in the top-left corner of the grid.
def solve(I):
    O = crop(I, 0, 0, 2, 2)
    return O
