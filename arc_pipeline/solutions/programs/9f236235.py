# Lines divide the grid into equal solid blocks. Shrink each block to one cell (dropping the
# lines) and mirror the result left-right.
def solve(I):
    compact = dedupe_columns(dedupe_rows(I))
    blocks = downscale(compact, 2)
    O = flip_horizontal(blocks)
    return O
