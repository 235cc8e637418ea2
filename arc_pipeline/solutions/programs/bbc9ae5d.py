# The single row starts with n coloured cells. Build a staircase of half as many rows as the width:
# row i holds n + i cells of that colour from the left.
# orientation-semantic: the input is one row and the staircase grows downward, its bars anchored at the left edge
def solve(I):
    color = cell_color(I, 0, 0)
    bg = cell_color(I, 0, -1)
    n = color_count(I, color)
    h = floor_divide(width(I), 2)
    blank = make_grid(bg, h, width(I))
    diagonal = draw_line(blank, 0, subtract(n, 1), subtract(h, 1), add(subtract(n, 1), subtract(h, 1)), color)
    edge = draw_line(diagonal, 0, 0, subtract(h, 1), 0, color)
    O = fill_row_spans(edge, bg)
    return O
