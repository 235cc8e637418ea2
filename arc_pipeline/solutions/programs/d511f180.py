# Swap grey (5) and light blue (8) everywhere.
def solve(I):
    O = swap_colors(I, 5, 8)
    return O
