# A shape touches one corner of a 2x2 square of another colour (the rarest colour). Mirror the
# shape across the square's centre lines so a copy appears at all four corners of the square.
def solve(I):
    centre_color = least_common_color(I)
    figure_color = nth(colors_by_frequency(I), 1)
    center = cells_to_object(cells_of_color(I, centre_color), centre_color)
    r = object_top(center)
    c = object_left(center)
    figure = cells_to_object(cells_of_color(I, figure_color), figure_color)
    across_cols = reflect_object_across(figure, ((r, c), (r, add(c, 1))))
    across_rows = reflect_object_across(figure, ((r, c), (add(r, 1), c)))
    across_both = reflect_object_across(figure, ((r, c), (add(r, 1), add(c, 1))))
    O = paint_objects(I, (across_cols, across_rows, across_both))
    return O
