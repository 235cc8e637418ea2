# Wherever a green (3) cell touches a red (2) cell side by side, the green cell becomes light
# blue (8) and the red cell disappears; unpaired cells stay as they are.
# colour-semantic: keep 2,3,8: the rule names the colours: a green cell touching a red one becomes light blue.
def solve(I):
    bg = most_common_color(I)
    groups = find_objects(I, False, False, bg)
    has_red = chain(fix_second(object_color_count, 2), fix_second(greater_than, 0))
    has_green = chain(fix_second(object_color_count, 3), fix_second(greater_than, 0))
    paired = keep_if(groups, fork(logical_and, has_red, has_green))
    paired_cells = merge(map_items(object_cells, paired))
    greens = intersection(cells_of_color(I, 3), paired_cells)
    reds = intersection(cells_of_color(I, 2), paired_cells)
    O = set_cells(set_cells(I, greens, 8), reds, bg)
    return O
