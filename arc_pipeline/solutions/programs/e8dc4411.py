# A shape (the second most common colour) has a marker cell of another colour diagonally beside
# it. Repeat the shape in the marker's colour along that diagonal direction, each copy moved just
# far enough not to overlap the previous one, until the grid edge.
def solve(I):
    shape_color = nth(colors_by_frequency(I), 1)
    figure = cells_to_object(cells_of_color(I, shape_color), shape_color)
    marker_color = least_common_color(I)
    marker = object_position(cells_to_object(cells_of_color(I, marker_color), marker_color))
    direction = direction_toward(object_center(figure), marker)
    k = clear_shift_steps(figure, direction)
    offset = pair(multiply(first(direction), k), multiply(last(direction), k))
    first_copy = shift_object(recolor_object(figure, marker_color), first(offset), last(offset))
    copies = smear_object(first_copy, offset, 30)
    O = paint_object(I, copies)
    return O
