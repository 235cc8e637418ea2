# Two solid rectangles face each other across a black gap. Fill the gap between them with
# light blue (8), but leave one black cell free at each end of the span where they face.
def solve(I):
    blocks = find_objects(I, True, False, 0)
    a = first(blocks)
    b = last(blocks)
    shared_rows = intersection(row_cells_through(I, object_cells(a)), row_cells_through(I, object_cells(b)))
    shared_cols = intersection(column_cells_through(I, object_cells(a)), column_cells_through(I, object_cells(b)))
    span = intersection(union(shared_rows, shared_cols), bbox_of_cells(union(object_cells(a), object_cells(b))))
    gap = intersection(span, cells_of_color(I, 0))
    outer = difference(cells_of_color(I, 0), gap)
    rim = intersection(object_neighbor_cells(cells_to_object(outer, 0), False), gap)
    O = set_cells(I, difference(gap, rim), 8)
    return O
