# Scale the grid up by three: each cell becomes a 3x3 block of its colour.
def solve(I):
    O = upscale(I, 3)
    return O
