# Keep only the solid blocks: a coloured cell survives if it belongs to some 2x2 square of its colour;
# isolated noise cells and stray protrusions become background.
def solve(I):
    bg = most_common_color(I)
    block_cells = cells_in_solid_squares(I, 2, bg)
    blocks = grid_cells_to_object(I, block_cells)
    O = paint_object(make_grid(bg, height(I), width(I)), blocks)
    return O
