# A short diagonal (the rarest colour) starts at the grid edge and points toward a wall (the other
# colour). Continue it in green (3) until it reaches the wall, then bounce off the wall like a
# mirror and keep going in green to the grid edge.
# colour-semantic: keep 3: the drawn path is green, a colour the input does not show
def solve(I):
    bg = most_common_color(I)
    segment_color = least_common_color(I)
    wall_color = nth(colors_by_frequency(I), 1)
    segment = first(objects_of_color(find_objects(I, True, True, bg), segment_color))
    wall = cells_to_object(cells_of_color(I, wall_color), wall_color)
    ends = sort_by(object_cells(segment), identity)
    frame = object_border_cells(cells_to_object(all_cells(I), bg))
    start_on_edge = contains(frame, first(ends))
    tail = if_else(start_on_edge, first(ends), last(ends))
    head = if_else(start_on_edge, last(ends), first(ends))
    step = direction_toward(tail, head)
    empty = cells_of_color(I, bg)
    approach = intersection(ray_cells(head, step), empty)
    beside_wall = object_neighbor_cells(wall, False)
    bounce_point = first(sort_by(intersection(approach, beside_wall), identity))
    vertical_wall = equals(object_height(wall), height(I))
    flipped_cols = pair(first(step), subtract(0, last(step)))
    flipped_rows = pair(subtract(0, first(step)), last(step))
    new_step = if_else(vertical_wall, flipped_cols, flipped_rows)
    leaving = intersection(ray_cells(bounce_point, new_step), empty)
    O = set_cells(I, union(approach, leaving), 3)
    return O
