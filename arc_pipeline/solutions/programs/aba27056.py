# A container shape is open on one side. Fill it with yellow, and from the opening shine yellow light
# outward: a straight beam as wide as the opening, plus a diagonal ray from each end of the opening,
# spreading outward, all the way to the grid edges.
# colour-semantic: keep 4: the container and its light are yellow, a colour the input does not use
def solve(I):
    bg = most_common_color(I)
    container = first(find_objects(I, True, False, bg))
    inside = difference(object_bbox(container), object_cells(container))
    gap = cells_to_object(difference(object_border_cells(container), object_cells(container)), 4)
    d = direction_toward(object_center(container), object_center(gap))
    perp = pair(multiply(last(d), last(d)), multiply(first(d), first(d)))
    beam = merge(map_items(fix_second(ray_cells, d), object_cells(gap)))
    low_end = object_position(gap)
    high_end = pair(object_bottom(gap), object_right(gap))
    low_step = subtract(d, perp)
    high_step = add(d, perp)
    low_ray = ray_cells(add(low_end, low_step), low_step)
    high_ray = ray_cells(add(high_end, high_step), high_step)
    light = union(union(inside, beam), union(low_ray, high_ray))
    O = set_cells(I, light, 4)
    return O
