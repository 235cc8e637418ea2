# Four dots of two colours mark the corners of a rectangle. Each dot gets a 3x3 ring of the
# other colour, and along the rectangle's edges grey (5) dashes are placed on every second cell
# going out from each corner, up to the middle of the edge.
# colour-semantic: keep 5: the dashes are grey, a colour the input never shows
def solve(I):
    bg = most_common_color(I)
    colors = drop_if(palette(I), fix_first(equals, bg))
    a = first(colors)
    b = last(colors)
    dots_a = cells_to_object(cells_of_color(I, a), b)
    dots_b = cells_to_object(cells_of_color(I, b), a)
    ring_a = cells_to_object(object_neighbor_cells(dots_a, True), b)
    ring_b = cells_to_object(object_neighbor_cells(dots_b, True), a)
    dots = cells_to_object(cells_not_of_color(I, bg), 5)
    box = object_bbox(dots)
    across = subtract(floor_divide(subtract(object_width(dots), 1), 4), 1)
    down = subtract(floor_divide(subtract(object_height(dots), 1), 4), 1)
    right = smear_object(shift_object(dots, 0, 2), (0, 2), across)
    left = smear_object(shift_object(dots, 0, -2), (0, -2), across)
    lower = smear_object(shift_object(dots, 2, 0), (2, 0), down)
    upper = smear_object(shift_object(dots, -2, 0), (-2, 0), down)
    all_dashes = merge(pair(merge(pair(right, left)), merge(pair(lower, upper))))
    inside = intersection(object_cells(all_dashes), box)
    ringed = paint_object(paint_object(I, ring_a), ring_b)
    O = set_cells(ringed, inside, 5)
    return O
