# A red (2) shape touches one corner of a green (3) 2x2 square. Mirror the shape across the
# square's centre lines so a copy appears at all four corners of the square.
def solve(I):
    center = cells_to_object(cells_of_color(I, 3), 3)
    r = object_top(center)
    c = object_left(center)
    figure = cells_to_object(cells_of_color(I, 2), 2)
    across_cols = reflect_object_across(figure, ((r, c), (r, add(c, 1))))
    across_rows = reflect_object_across(figure, ((r, c), (add(r, 1), c)))
    across_both = reflect_object_across(figure, ((r, c), (add(r, 1), add(c, 1))))
    O = paint_objects(I, (across_cols, across_rows, across_both))
    return O
