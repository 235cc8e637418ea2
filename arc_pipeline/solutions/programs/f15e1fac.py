# Light-blue (8) cells on one edge shoot straight lines across the grid; red (2) markers sit on
# an adjacent edge. Each time the lines reach a marker's row (or column) they all step one cell
# further away from the marker edge and continue to the far side. The grid is turned so that the
# light-blue cells are on the top edge and the markers on the left edge, solved, and turned back.
# colour-semantic: keep 2,8: both roles are dots on a grid edge; only their colours tell the light-blue line sources from the red step markers
def solve(I):
    bg = most_common_color(I)
    turns = (identity, rotate_90, rotate_180, rotate_270, flip_horizontal, flip_vertical, transpose, flip_antidiagonal)
    backs = (identity, rotate_270, rotate_180, rotate_90, flip_horizontal, flip_vertical, transpose, flip_antidiagonal)
    views = map_items(fix_last(fix_last(repeat_apply, 1), I), turns)
    top_has_8 = chain(fix_last(fix_last(select_rows, 1), 0), chain(palette, fix_second(contains, 8)))
    left_has_2 = chain(fix_last(fix_last(select_columns, 1), 0), chain(palette, fix_second(contains, 2)))
    chosen = first(keep_if(zip_items(views, backs), chain(first, fork(logical_and, top_has_8, left_has_2))))
    G = first(chosen)
    h = height(G)
    sources = keep_only_color(select_rows(G, 0, 1), 8, bg)
    beams = tile(sources, h, 1)
    marker_rows = sort_by(map_items(first, cells_of_color(G, 2)), identity)
    later_rows = drop_if(marker_rows, fix_first(equals, first(marker_rows)))
    next_rows = pad_items(later_rows, count(marker_rows), h)
    spans = zip_items(marker_rows, next_rows)
    steps_by = chain(fix_first(add, 1), chain(fix_first(fix_second, less_than), fix_first(count_if, marker_rows)))
    moved = fork(fix_at(fix_last(shift_grid, bg), 0, beams), constant(0), chain(first, steps_by))
    upto = fork(fix_at(select_rows, 1, 0), moved, last)
    band = fork(fix_last(select_rows, 30), upto, first)
    head = select_rows(beams, 0, first(marker_rows))
    lines = stack_vertical(flatten(pair(repeat_value(head, 1), map_items(band, spans))))
    solved = overlay(lines, G, bg)
    O = repeat_apply(last(chosen), solved, 1)
    return O
