# Green (3) shapes of two or more edge-connected cells turn azure (8); isolated single green
# cells stay green.
def solve(I):
    shapes = find_objects(I, True, False, 0)
    is_single = chain(object_size, fix_second(equals, 1))
    groups = drop_if(shapes, is_single)
    group_cells = merge(groups)
    O = paint_object(I, recolor_object(group_cells, 8))
    return O
