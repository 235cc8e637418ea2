# A full cross of one colour splits the grid into quadrants; the top-left quadrant holds a shape.
# Output that shape in the cross colour, mirrored into all four quadrants (the cross removed).
def solve(I):
    bg = most_common_color(I)
    half_rows = floor_divide(height(I), 2)
    half_cols = floor_divide(width(I), 2)
    line_color = cell_color(I, half_rows, 0)
    quadrant = crop(I, 0, 0, half_rows, half_cols)
    recolored = keep_only_color(quadrant, bg, line_color)
    O = mirror_down(mirror_right(recolored))
    return O
