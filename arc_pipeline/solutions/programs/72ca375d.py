# Among several shapes, output (cropped) the one that is mirror symmetric left-right.
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, True, bg)
    as_grid = fix_second(object_to_grid, bg)
    symmetric = chain(as_grid, fork(equals, identity, flip_horizontal))
    O = as_grid(first(keep_if(shapes, symmetric)))
    return O
