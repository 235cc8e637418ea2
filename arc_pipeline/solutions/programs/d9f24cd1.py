# Each red cell on the bottom edge shoots a red line straight up. When the line meets a grey
# (5) cell it steps one column to the right just below it and continues up to the top edge.
# colour-semantic: keep 2,5: red lines detour around grey cells; the two roles are named by colour.
# orientation-semantic: the lines shoot up from the bottom edge and step to the right.
def solve(I):
    bg = most_common_color(I)
    columns = column_cells_through(I, cells_of_color(I, 2))
    straight = paint_cells_on_background(I, columns, 2, bg)
    blockers = sort_by(intersection(cells_of_color(I, 5), columns), identity)
    upward = fix_second(ray_cells, (-1, 0))
    above = merge(map_items(chain(fix_first(add, (-1, 0)), upward), blockers))
    detour = merge(map_items(chain(fix_first(add, (1, 1)), upward), blockers))
    cleared = set_cells(straight, intersection(above, cells_of_color(I, bg)), bg)
    O = paint_cells_on_background(cleared, detour, 2, bg)
    return O
