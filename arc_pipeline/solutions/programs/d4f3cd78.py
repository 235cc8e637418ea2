# The box has one gap in its wall. Fill the box's inside with light blue (8), and let the
# light blue pour out through the gap in a straight line to the grid edge.
# colour-semantic: keep 8: the fill is always light blue, a colour the input does not hold.
def solve(I):
    bg = most_common_color(I)
    box = first(find_objects(I, True, False, bg))
    filled = paint_cells_on_background(I, object_bbox(box), 8, bg)
    gap = first(sort_by(difference(object_border_cells(box), object_cells(box)), identity))
    gap_neighbors = object_neighbor_cells(cells_to_object(repeat_value(gap, 1), 8), False)
    outside = first(sort_by(difference(gap_neighbors, object_bbox(box)), identity))
    step = subtract(outside, gap)
    O = draw_ray(filled, first(gap), last(gap), first(step), last(step), 8)
    return O
