# Two solid rectangles face each other across a background gap. Fill the gap between them with
# light blue (8), but leave one background cell free at each end of the span where they face.
# colour-semantic: keep 8: the gap is always filled light blue, a colour the input does not hold.
def solve(I):
    bg = most_common_color(I)
    blocks = find_objects(I, True, False, bg)
    a = first(blocks)
    b = last(blocks)
    shared_rows = intersection(row_cells_through(I, object_cells(a)), row_cells_through(I, object_cells(b)))
    shared_cols = intersection(column_cells_through(I, object_cells(a)), column_cells_through(I, object_cells(b)))
    span = intersection(union(shared_rows, shared_cols), bbox_of_cells(union(object_cells(a), object_cells(b))))
    gap = intersection(span, cells_of_color(I, bg))
    outer = difference(cells_of_color(I, bg), gap)
    rim = intersection(object_neighbor_cells(cells_to_object(outer, bg), False), gap)
    O = set_cells(I, difference(gap, rim), 8)
    return O
