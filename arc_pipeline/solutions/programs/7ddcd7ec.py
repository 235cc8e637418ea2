# A 2x2 square has single cells touching its corners diagonally; each such cell is extended into a
# diagonal line running away from the square to the grid edge, in the square's colour.
def solve(I):
    bg = most_common_color(I)
    objs = find_objects(I, True, False, bg)
    square = largest_object(objs)
    tails = objects_of_size(objs, 1)
    away = chain(object_position, fix_first(direction_toward, object_center(square)))
    tail_ray = fork(ray_cells, object_position, away)
    ray_positions = merge(map_items(tail_ray, tails))
    O = set_cells(I, ray_positions, object_color(square))
    return O
