# Shapes that form a closed loop (enclosing at least one hole) turn green; open shapes keep their colour.
# colour-semantic: keep 3: closed loops always turn green (3)
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, False, bg)
    loops = keep_if(shapes, chain(object_hole_count, fix_second(greater_than, 0)))
    O = paint_objects(I, map_items(fix_second(recolor_object, 3), loops))
    return O
