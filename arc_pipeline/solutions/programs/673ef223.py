# Two red (2) bars stand on opposite side edges; azure (8) dots lie in the rows of one bar. Each dot
# becomes yellow (4) and is joined to its bar by an azure line. In the other bar, the row at the
# same position (relative to the bar's top) gets an azure line across the whole grid.
# colour-semantic: keep 2,4,8: red (2) bars, azure (8) dots and lines, dots turning yellow (4)
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the bars stand upright on the side edges and the lines run across rows
def solve(I):
    bars = find_objects(I, True, False, 0)
    red_bars = objects_of_color(bars, 2)
    dots = cells_of_color(I, 8)
    rows_of = chain(object_cells, fix_first(row_cells_through, I))
    dots_in_rows = chain(rows_of, chain(fix_first(intersection, dots), count))
    near_bar = max_by(red_bars, dots_in_rows)
    far_bar = min_by(red_bars, dots_in_rows)
    step = if_else(equals(object_left(near_bar), 0), (0, -1), (0, 1))
    links = merge(map_items(fix_second(ray_cells, step), dots))
    offset = subtract(object_top(far_bar), object_top(near_bar))
    moved_dots = shift_object(cells_to_object(dots, 8), offset, 0)
    crossings = row_cells_through(I, object_cells(moved_dots))
    lines = set_cells(set_cells(I, links, 8), crossings, 8)
    with_bars = paint_objects(lines, red_bars)
    O = set_cells(with_bars, dots, 4)
    return O
