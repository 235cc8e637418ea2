# On the background, every shape that encloses a hole (a closed loop) turns azure;
# open shapes keep their colour.
# colour-semantic: keep 8: closed shapes turn azure, a colour the input does not use
def solve(I):
    shapes = find_objects(I, True, False, most_common_color(I))
    closed = keep_if(shapes, chain(object_hole_count, fix_second(greater_than, 0)))
    O = paint_objects(I, map_items(fix_second(recolor_object, 8), closed))
    return O
