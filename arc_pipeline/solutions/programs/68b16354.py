# Flip the grid upside down (reverse the order of the rows).
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the flip is top-bottom
def solve(I):
    O = flip_vertical(I)
    return O
