# A stepped cup sits on the bottom edge. From just beyond both ends of its top layer, draw diagonal
# lines going up and outward to the edge, in the colour of the middle cell of the bottom row.
# orientation-semantic: only flip_horizontal: the cup sits on the bottom edge and the diagonal lines go upward
def solve(I):
    bg = most_common_color(I)
    h = height(I)
    line_color = cell_color(I, subtract(h, 1), floor_divide(width(I), 2))
    top_layer = cells_to_object(cells_not_of_color(select_rows(I, subtract(h, 2), subtract(h, 1)), bg), bg)
    start_row = subtract(h, 3)
    left_ray = ray_cells(pair(start_row, subtract(object_left(top_layer), 1)), (-1, -1))
    right_ray = ray_cells(pair(start_row, add(object_right(top_layer), 1)), (-1, 1))
    O = set_cells(I, union(left_ray, right_ray), line_color)
    return O
