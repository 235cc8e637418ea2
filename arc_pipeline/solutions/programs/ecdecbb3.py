# Each dot (the rarest colour) sends a line of its colour straight toward the nearest full line (the
# second most common colour) in every direction where one exists. Where it meets that line, a 3x3
# box of the line's colour with a centre of the dot's colour is drawn.
def solve(I):
    dot = least_common_color(I)
    wall = nth(colors_by_frequency(I), 1)
    dots = sort_by(cells_of_color(I, dot), identity)
    walk = fix_last(fix_at(ray_until_color, 0, I), wall)
    down = merge(map_items(fix_second(walk, (1, 0)), dots))
    up = merge(map_items(fix_second(walk, (-1, 0)), dots))
    right = merge(map_items(fix_second(walk, (0, 1)), dots))
    left = merge(map_items(fix_second(walk, (0, -1)), dots))
    rays = union(union(down, up), union(right, left))
    hits = intersection(rays, cells_of_color(I, wall))
    lines = set_cells(I, difference(rays, hits), dot)
    boxes = set_cells(lines, object_neighbor_cells(cells_to_object(hits, wall), True), wall)
    O = set_cells(boxes, hits, dot)
    return O
