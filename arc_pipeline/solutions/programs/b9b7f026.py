# Among the solid rectangles exactly one has a hole in it; output a single cell of its colour.
def solve(I):
    shapes = find_objects(I, True, False, most_common_color(I))
    holed = first(keep_if(shapes, chain(object_hole_count, fix_second(greater_than, 0))))
    O = repeat_value(repeat_value(object_color(holed), 1), 1)
    return O
