# On the maroon background, every blue shape that encloses a hole (a closed loop) turns azure;
# open shapes stay blue.
def solve(I):
    shapes = find_objects(I, True, False, 9)
    closed = keep_if(shapes, chain(object_hole_count, fix_second(greater_than, 0)))
    O = paint_objects(I, map_items(fix_second(recolor_object, 8), closed))
    return O
