# Wherever a green (3) cell touches a red (2) cell side by side, the green cell becomes light
# blue (8) and the red cell disappears; unpaired cells stay as they are.
def solve(I):
    groups = find_objects(I, False, False, 0)
    has_red = chain(fix_second(object_color_count, 2), fix_second(greater_than, 0))
    has_green = chain(fix_second(object_color_count, 3), fix_second(greater_than, 0))
    paired = keep_if(groups, fork(logical_and, has_red, has_green))
    paired_cells = merge(map_items(object_cells, paired))
    greens = intersection(cells_of_color(I, 3), paired_cells)
    reds = intersection(cells_of_color(I, 2), paired_cells)
    O = set_cells(set_cells(I, greens, 8), reds, 0)
    return O
