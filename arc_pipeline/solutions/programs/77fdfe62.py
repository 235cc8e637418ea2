# Inside the blue frame, each quarter of the pattern takes the colour of the grid corner
# nearest to it; the output is that recoloured inner pattern.
def solve(I):
    empty = cell_color(I, 0, 2)
    side = subtract(height(I), 4)
    inner = crop(I, 2, 2, side, side)
    corners = ((cell_color(I, 0, 0), cell_color(I, 0, -1)), (cell_color(I, -1, 0), cell_color(I, -1, -1)))
    quarter_colors = upscale(corners, floor_divide(side, 2))
    O = keep_where(quarter_colors, inner, empty)
    return O
