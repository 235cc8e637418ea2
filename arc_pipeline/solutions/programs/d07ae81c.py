# Two background colours form bands; a few marker cells sit inside them. From every marker,
# diagonal lines run in all four diagonal directions to the edges; each line cell takes the
# colour of the marker that belongs to the background colour it crosses.
def solve(I):
    ranked = colors_by_frequency(I)
    m1 = nth(ranked, 2)
    m2 = nth(ranked, 3)
    marks1 = cells_to_object(cells_of_color(I, m1), m1)
    marks2 = cells_to_object(cells_of_color(I, m2), m2)
    home1 = object_color(grid_cells_to_object(I, object_neighbor_cells(marks1, False)))
    home2 = object_color(grid_cells_to_object(I, object_neighbor_cells(marks2, False)))
    plain = map_colors(I, pair(pair(m1, home1), pair(m2, home2)))
    markers = sort_by(union(object_cells(marks1), object_cells(marks2)), identity)
    down_right = merge(map_items(fix_second(ray_cells, (1, 1)), markers))
    down_left = merge(map_items(fix_second(ray_cells, (1, -1)), markers))
    up_right = merge(map_items(fix_second(ray_cells, (-1, 1)), markers))
    up_left = merge(map_items(fix_second(ray_cells, (-1, -1)), markers))
    rays = union(union(down_right, down_left), union(up_right, up_left))
    lines = intersection(rays, all_cells(I))
    first_color = set_cells(plain, intersection(lines, cells_of_color(plain, home1)), m1)
    O = set_cells(first_color, intersection(lines, cells_of_color(plain, home2)), m2)
    return O
