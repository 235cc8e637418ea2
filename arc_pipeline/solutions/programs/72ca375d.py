# Of the several coloured shapes, output (cropped to its bounding box) the one shape that is
# left-right mirror symmetric.
def solve(I):
    shapes = find_objects(I, True, True, 0)
    pictures = map_items(fix_second(object_to_grid, 0), shapes)
    symmetric = keep_if(pictures, fork(equals, identity, flip_horizontal))
    O = first(symmetric)
    return O
