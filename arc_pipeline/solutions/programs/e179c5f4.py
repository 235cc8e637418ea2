# Starting from the cell in the bottom-left corner, a line of its colour climbs diagonally up and
# bounces between the left and right edges to the top; every other cell becomes light blue (8).
# colour-semantic: keep 8: the filler is always light blue, a colour the input does not hold.
# orientation-semantic: the line starts in the bottom-left corner.
def solve(I):
    w = width(I)
    color = cell_color(I, -1, 0)
    diagonal = draw_line(make_grid(8, w, w), 0, 0, subtract(w, 1), subtract(w, 1), color)
    zigzag = stack_vertical((diagonal, flip_horizontal(diagonal)))
    bouncing = dedupe_rows(tile(zigzag, 30, 1))
    O = select_rows(bouncing, subtract(height(bouncing), height(I)), height(bouncing))
    return O
