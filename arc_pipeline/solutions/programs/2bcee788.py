# A shape carries a few marker cells of a second colour on one side. The shape is mirrored across
# that side (the copy replaces the markers, in the shape's colour) and the background turns green.
# colour-semantic: keep 3: the background turns green
def solve(I):
    bg = most_common_color(I)
    shape_color = nth(colors_by_frequency(I), 1)
    main = cells_to_object(cells_of_color(I, shape_color), shape_color)
    marker_color = least_common_color(I)
    marker = cells_to_object(cells_of_color(I, marker_color), marker_color)
    down = subtract(greater_than(object_top(marker), object_bottom(main)), less_than(object_bottom(marker), object_top(main)))
    right = subtract(greater_than(object_left(marker), object_right(main)), less_than(object_right(marker), object_left(main)))
    piece = object_to_grid(main, bg)
    flipped = if_else(equals(down, 0), flip_horizontal(piece), flip_vertical(piece))
    top = add(object_top(main), multiply(down, height(piece)))
    left = add(object_left(main), multiply(right, width(piece)))
    mirrored = shift_object(grid_to_object(flipped, bg), top, left)
    canvas = make_grid(3, height(I), width(I))
    O = paint_object(paint_object(canvas, main), mirrored)
    return O
