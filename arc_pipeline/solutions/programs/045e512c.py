# A 3x3 template shape has small coloured fragments beside it (one cell gap). Each fragment's
# direction from the template gets repeated copies of the whole template in the fragment's colour,
# every 4 cells, out to the grid edge.
def solve(I):
    bg = most_common_color(I)
    pieces = find_objects(I, True, True, bg)
    template = largest_object(pieces)
    markers = drop_if(pieces, fix_first(equals, template))
    double = fork(add, identity, identity)
    step = chain(object_center, chain(fix_first(direction_toward, object_center(template)), chain(double, double)))
    colored = chain(object_color, fix_first(recolor_object, template))
    start = fork(place_object_at, colored, chain(step, fix_first(add, object_position(template))))
    trail = fork(fix_last(smear_object, 7), start, step)
    O = paint_objects(I, map_items(trail, markers))
    return O
