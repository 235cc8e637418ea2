# Some crossings of the grid lines are recoloured; they mark a 4x4 lattice of points framing 3x3 cells.
# An output cell gets a colour when all four lattice points at its corners share that colour
# (line-coloured points count as uncoloured); otherwise it stays background
# (the colour of the cells between the lines, e.g. the corner cell).
def solve(I):
    bg = cell_color(I, 0, 0)
    line_color = first(drop_if(palette(crop(I, 0, 0, 1, width(I))), fix_first(equals, bg)))
    marked = difference(cells_not_of_color(I, bg), cells_of_color(I, line_color))
    marked_area = crop_to_object(I, grid_cells_to_object(I, marked))
    spacing = floor_divide(subtract(width(marked_area), 1), 3)
    points = downscale(marked_area, spacing)
    top_left = crop(points, 0, 0, 3, 3)
    top_right = crop(points, 0, 1, 3, 3)
    bottom_left = crop(points, 1, 0, 3, 3)
    bottom_right = crop(points, 1, 1, 3, 3)
    same_right = grid_indices_where_equal(top_left, top_right)
    same_below = grid_indices_where_equal(top_left, bottom_left)
    same_diagonal = grid_indices_where_equal(top_left, bottom_right)
    uniform = intersection(intersection(same_right, same_below), same_diagonal)
    corner_colors = grid_cells_to_object(top_left, uniform)
    painted = paint_object(make_grid(bg, 3, 3), corner_colors)
    O = replace_color(painted, line_color, bg)
    return O
