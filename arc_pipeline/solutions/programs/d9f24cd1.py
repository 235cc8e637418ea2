# Each red cell on the bottom edge shoots a red line straight up. When the line meets a grey
# (5) cell it steps one column to the right just below it and continues up to the top edge.
def solve(I):
    columns = column_cells_through(I, cells_of_color(I, 2))
    straight = paint_cells_on_background(I, columns, 2, 0)
    blockers = sort_by(intersection(cells_of_color(I, 5), columns), identity)
    upward = fix_second(ray_cells, (-1, 0))
    above = merge(map_items(chain(fix_first(add, (-1, 0)), upward), blockers))
    detour = merge(map_items(chain(fix_first(add, (1, 1)), upward), blockers))
    cleared = set_cells(straight, intersection(above, cells_of_color(I, 0)), 0)
    O = paint_cells_on_background(cleared, detour, 2, 0)
    return O
