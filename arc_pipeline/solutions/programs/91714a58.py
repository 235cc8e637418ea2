# Among random noise hides one solid single-colour rectangle. Keep only the rectangle (the cells
# covered by 2x2 blocks of one colour) and clear everything else.
def solve(I):
    bg = most_common_color(I)
    block = cells_in_solid_squares(I, 2, bg)
    mark = add(bg, 1)
    mask = set_cells(make_grid(bg, height(I), width(I)), block, mark)
    O = keep_where(I, mask, bg)
    return O
