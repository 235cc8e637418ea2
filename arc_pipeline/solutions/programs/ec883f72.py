# A container shape of one colour partly wraps a block of another colour. From every corner of
# the container's bounding box that the container occupies, a diagonal line in the block's
# colour runs outward (away from the box) to the grid edge.
def solve(I):
    bg = most_common_color(I)
    shapes = objects_by_color(I, bg)
    container = max_by(shapes, chain(object_bbox, count))
    block = min_by(shapes, chain(object_bbox, count))
    corners = sort_by(intersection(bbox_corners(container), object_cells(container)), identity)
    corner_sum = add(object_position(container), pair(object_bottom(container), object_right(container)))
    outward = fork(direction_toward, fix_first(subtract, corner_sum), identity)
    rays = merge(map_items(fork(ray_cells, identity, outward), corners))
    O = paint_cells_on_background(I, rays, object_color(block), bg)
    return O
