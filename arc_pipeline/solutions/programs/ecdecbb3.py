# Each red (2) dot sends a red line straight toward the nearest light-blue (8) line in every
# direction where one exists. Where it meets the light-blue line, a 3x3 light-blue box with a
# red centre is drawn.
def solve(I):
    dots = sort_by(cells_of_color(I, 2), identity)
    walk = fix_last(fix_at(ray_until_color, 0, I), 8)
    down = merge(map_items(fix_second(walk, (1, 0)), dots))
    up = merge(map_items(fix_second(walk, (-1, 0)), dots))
    right = merge(map_items(fix_second(walk, (0, 1)), dots))
    left = merge(map_items(fix_second(walk, (0, -1)), dots))
    rays = union(union(down, up), union(right, left))
    hits = intersection(rays, cells_of_color(I, 8))
    lines = set_cells(I, difference(rays, hits), 2)
    boxes = set_cells(lines, object_neighbor_cells(cells_to_object(hits, 8), True), 8)
    O = set_cells(boxes, hits, 2)
    return O
