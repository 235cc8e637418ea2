# Green (3) shapes of two or more edge-connected cells turn azure (8); isolated single green cells
# stay green. Everything that is not green is background (green may cover most of the grid).
# colour-semantic: keep 3,8: green (3) groups become azure (8); the background colour is free
def solve(I):
    bg = first(drop_if(palette(I), fix_first(equals, 3)))
    shapes = find_objects(I, True, False, bg)
    is_single = chain(object_size, fix_second(equals, 1))
    groups = drop_if(shapes, is_single)
    group_cells = merge(groups)
    O = paint_object(I, recolor_object(group_cells, 8))
    return O
