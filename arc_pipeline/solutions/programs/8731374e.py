# A large single-colour rectangle hides in noise, with a few stray cells of one other colour inside.
# Output just the rectangle, with every row and column that holds a stray cell painted in its colour.
def solve(I):
    solid = cells_to_object(cells_in_solid_squares(I, 3, 10), 1)
    regions = find_objects(paint_object(make_grid(0, height(I), width(I)), solid), True, False, 0)
    rect = crop_to_object(I, largest_object(regions))
    stray_color = least_common_color(rect)
    strays = cells_of_color(rect, stray_color)
    lines = union(row_cells_through(rect, strays), column_cells_through(rect, strays))
    O = set_cells(rect, lines, stray_color)
    return O
