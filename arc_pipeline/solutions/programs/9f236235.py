# Lines divide the grid into equal solid blocks. Shrink each block to one cell (dropping the
# lines) and mirror the result left-right.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the shrunk grid is mirrored left-right, not top-bottom
def solve(I):
    compact = dedupe_columns(dedupe_rows(I))
    blocks = downscale(compact, 2)
    O = flip_horizontal(blocks)
    return O
