# Nested outlines of one colour (the second most common) surround a small hole of background,
# evenly spaced. Continue the nesting outward over the whole grid with the same spacing (cells
# whose king-move distance from the hole is 1, 1+p, 1+2p, ...); every other cell becomes grey (5).
# colour-semantic: keep 5: the cells between the outlines turn grey, a colour the input does not show
def solve(I):
    color = nth(colors_by_frequency(I), 1)
    hole = smallest_object(find_objects(I, True, False, color))
    around = fix_first(grow_cells, hole)
    outer = difference(cells_of_color(I, color), around(1))
    misses = chain(around, chain(fix_second(intersection, outer), chain(count, fix_first(equals, 0))))
    spacing = count_if((1, 2, 3, 4, 5, 6, 7, 8, 9, 10), misses)
    inner_radius = fix_first(multiply, spacing)
    ring = fork(difference, chain(inner_radius, chain(fix_first(add, 1), around)), chain(inner_radius, around))
    rings = merge(map_items(ring, (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14)))
    O = set_cells(make_grid(5, height(I), width(I)), intersection(rings, all_cells(I)), color)
    return O
