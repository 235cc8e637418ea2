# Each colour forms a square frame-like pattern with four-fold rotational symmetry, possibly cut
# off by the grid edge. Complete every pattern by rotation and nest them concentrically (largest
# outside) in a square as big as the largest one, on the background colour.
def solve(I):
    background = most_common_color(I)
    shapes = objects_by_color(I, background)
    completed = map_items(fix_second(complete_rotational_symmetry, I), shapes)
    side = fork(maximum, object_height, object_width)
    biggest = max_by(map_items(side, completed), identity)
    margin = chain(side, chain(fix_first(subtract, biggest), chain(fix_second(floor_divide, 2), fork(pair, identity, identity))))
    nested = map_items(fork(place_object_at, identity, margin), sort_by_descending(completed, side))
    O = paint_objects(make_grid(background, biggest, biggest), nested)
    return O
