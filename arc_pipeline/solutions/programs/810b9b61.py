# Blue shapes that form a closed loop (enclosing at least one hole) turn green; open shapes stay blue.
def solve(I):
    shapes = find_objects(I, True, False, 0)
    loops = keep_if(shapes, chain(object_hole_count, fix_second(greater_than, 0)))
    O = paint_objects(I, map_items(fix_second(recolor_object, 3), loops))
    return O
