# A grey horizontal line splits the grid. Every red cell grows a vertical red line toward the grey
# line until it touches it; every blue cell grows a vertical blue line away from it to the grid edge.
# colour-semantic: keep 1,2,5: red cells grow toward the grey line and blue cells away from it
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the grey line is horizontal and the new lines are vertical
def solve(I):
    bg = most_common_color(I)
    line_row = object_top(cells_to_object(cells_of_color(I, 5), 5))
    foot = chain(last, fix_first(pair, line_row))
    to_line = chain(fork(pair, identity, foot), bbox_of_cells)
    away = fork(ray_cells, identity, fork(direction_toward, foot, identity))
    red_lines = merge(map_items(to_line, cells_of_color(I, 2)))
    blue_lines = merge(map_items(away, cells_of_color(I, 1)))
    with_red = paint_cells_on_background(I, red_lines, 2, bg)
    O = paint_cells_on_background(with_red, blue_lines, 1, bg)
    return O
