# Among random noise hides one solid single-colour rectangle. Keep only the rectangle (the cells
# covered by 2x2 blocks of one colour) and clear everything else.
def solve(I):
    block = cells_in_solid_squares(I, 2, 0)
    mask = set_cells(make_grid(0, height(I), width(I)), block, 1)
    O = keep_where(I, mask, 0)
    return O
