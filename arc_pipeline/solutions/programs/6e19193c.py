# Each shape is a 2x2 square missing one corner. From that missing corner, shoot a diagonal line
# of the shape's colour outward (away from the shape) to the grid edge; the missing corner stays empty.
def solve(I):
    bg = most_common_color(I)
    corners = find_objects(I, True, True, bg)
    color = object_color(first(corners))
    missing = chain(fork(difference, object_bbox, object_cells), first)
    corner_sum = fork(add, object_position, fork(pair, object_bottom, object_right))
    direction = fork(subtract, chain(missing, fork(add, identity, identity)), corner_sum)
    start = fork(add, missing, direction)
    ray = fork(ray_cells, start, direction)
    rays = merge(map_items(ray, corners))
    O = set_cells(I, rays, color)
    return O
