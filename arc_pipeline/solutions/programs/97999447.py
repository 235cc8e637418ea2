# From each coloured cell, fill the rest of its row to the right with an alternating pattern:
# grey, the cell's colour, grey, the cell's colour, ... up to the edge.
# colour-semantic: keep 5: the alternating fill uses grey, a colour fixed by the rule
# orientation-semantic: only flip_vertical: the pattern runs rightward from each cell to the right edge
def solve(I):
    seeds = find_objects(I, True, False, most_common_color(I))
    same_color_ray = chain(object_position, fix_second(ray_cells, (0, 2)))
    colored = map_items(fork(cells_to_object, same_color_ray, object_color), seeds)
    grey_starts = map_items(chain(object_position, fix_first(add, (0, 1))), seeds)
    grey = merge(map_items(fix_second(ray_cells, (0, 2)), grey_starts))
    with_grey = set_cells(I, grey, 5)
    O = paint_objects(with_grey, colored)
    return O
