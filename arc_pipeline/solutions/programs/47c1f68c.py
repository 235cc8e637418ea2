# A full cross of one colour splits the grid into quadrants; one quadrant holds a shape. Output that
# shape in the cross colour, mirrored into all four quadrants (the cross removed).
def solve(I):
    bg = most_common_color(I)
    half_rows = floor_divide(height(I), 2)
    half_cols = floor_divide(width(I), 2)
    line_color = cell_color(I, half_rows, half_cols)
    top_left = crop(I, 0, 0, half_rows, half_cols)
    top_right = flip_horizontal(crop(I, 0, add(half_cols, 1), half_rows, half_cols))
    bottom_left = flip_vertical(crop(I, add(half_rows, 1), 0, half_rows, half_cols))
    bottom_right = rotate_180(crop(I, add(half_rows, 1), add(half_cols, 1), half_rows, half_cols))
    quadrant = overlay_all((top_left, top_right, bottom_left, bottom_right), bg)
    recolored = keep_only_color(quadrant, bg, line_color)
    O = mirror_down(mirror_right(recolored))
    return O
