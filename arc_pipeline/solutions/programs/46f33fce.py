# Coloured cells sit at odd positions of a 10x10 grid. Each becomes a 4x4 block of its colour in
# a 20x20 output, at block position ((row-1)/2, (col-1)/2).
# orientation-semantic: only transpose: the dots sit on odd rows and columns counted from the top-left corner
def solve(I):
    aligned = shift_grid(I, -1, -1, 0)
    compact = downscale(aligned, 2)
    O = upscale(compact, 4)
    return O
