# Along every diagonal line (running down to the right), recolour every second cell to yellow,
# starting with the second cell from the top.
# colour-semantic: keep 4: every second cell becomes yellow, a colour fixed by the rule
# orientation-semantic: only transpose: the lines run down to the right and the counting starts at the top
def solve(I):
    lines = find_objects(I, True, True, most_common_color(I))
    second_start = chain(object_position, fix_first(add, (1, 1)))
    every_other = fork(intersection, chain(second_start, fix_second(ray_cells, (2, 2))), object_cells)
    O = set_cells(I, merge(map_items(every_other, lines)), 4)
    return O
