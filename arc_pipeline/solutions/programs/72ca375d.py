# Among several shapes, output (cropped) the one that is mirror symmetric (left-right or top-bottom).
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, True, bg)
    as_grid = fix_second(object_to_grid, bg)
    mirror_symmetric = fork(logical_or, fork(equals, identity, flip_horizontal), fork(equals, identity, flip_vertical))
    symmetric = chain(as_grid, mirror_symmetric)
    O = as_grid(first(keep_if(shapes, symmetric)))
    return O
