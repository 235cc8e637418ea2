# Frames of one colour enclose holes. Holes that are perfect squares are filled with red (2);
# holes of any other shape stay empty.
# colour-semantic: keep 2: square holes are filled red
def solve(I):
    frame = least_common_color(I)
    regions = find_objects(I, True, False, frame)
    holes = drop_if(regions, fix_second(touches_border, I))
    is_square = fork(equals, object_height, object_width)
    square_holes = keep_if(keep_if(holes, is_rectangle), is_square)
    O = set_cells(I, merge(map_items(object_cells, square_holes)), 2)
    return O
