# Each coloured cell extends a line of its colour right to the edge, then down the last column
# until the row of the next coloured cell below (or the bottom of the grid).
# orientation-semantic: each line runs rightward to the right edge and then down the last column
def solve(I):
    seeds = find_objects(I, True, False, most_common_color(I))
    last_col = subtract(width(I), 1)
    rightward = chain(object_position, fix_second(ray_cells, (0, 1)))
    edge_start = chain(object_top, fix_second(pair, last_col))
    downward = chain(edge_start, fix_second(ray_cells, (1, 0)))
    path = fork(union, rightward, downward)
    trails = map_items(fork(cells_to_object, path, object_color), seeds)
    O = paint_objects(I, trails)
    return O
