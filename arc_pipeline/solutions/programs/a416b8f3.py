# Place a copy of the grid to the right of itself.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the copy is placed to the right, so the grid doubles horizontally
def solve(I):
    O = tile(I, 1, 2)
    return O
