# Light-blue (8) cells on one edge shoot straight lines across the grid; red (2) markers sit on
# an adjacent edge. Each time the lines reach a marker's row (or column) they all step one cell
# further away from the marker edge and continue to the far side.
def solve(I):
    top8 = contains(palette(select_rows(I, 0, 1)), 8)
    left8 = contains(palette(select_columns(I, 0, 1)), 8)
    left2 = contains(palette(select_columns(I, 0, 1)), 2)
    top_case = if_else(left2, I, flip_horizontal(I))
    side_case = if_else(left8, rotate_90(I), flip_antidiagonal(I))
    G = if_else(top8, top_case, side_case)
    h = height(G)
    sources = keep_only_color(select_rows(G, 0, 1), 8, 0)
    beams = tile(sources, h, 1)
    marker_rows = sort_by(map_items(first, cells_of_color(G, 2)), identity)
    later_rows = drop_if(marker_rows, fix_first(equals, first(marker_rows)))
    next_rows = pad_items(later_rows, count(marker_rows), h)
    spans = zip_items(marker_rows, next_rows)
    steps_by = chain(fix_first(add, 1), chain(fix_first(fix_second, less_than), fix_first(count_if, marker_rows)))
    moved = fork(fix_at(fix_last(shift_grid, 0), 0, beams), constant(0), chain(first, steps_by))
    upto = fork(fix_at(select_rows, 1, 0), moved, last)
    band = fork(fix_last(select_rows, 30), upto, first)
    head = select_rows(beams, 0, first(marker_rows))
    lines = stack_vertical(flatten(pair(repeat_value(head, 1), map_items(band, spans))))
    solved = overlay(lines, G, 0)
    top_back = if_else(left2, solved, flip_horizontal(solved))
    side_back = if_else(left8, rotate_270(solved), flip_antidiagonal(solved))
    O = if_else(top8, top_back, side_back)
    return O
