# Flip the grid upside down (reverse the order of the rows).
def solve(I):
    O = flip_vertical(I)
    return O
