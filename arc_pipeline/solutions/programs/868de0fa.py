# Each blue square frame is hollow: fill its interior with red when the interior side length
# is even and with orange when it is odd.
def solve(I):
    regions = find_objects(I, True, False, 1)
    holes = drop_if(regions, fix_second(touches_border, I))
    odd_side = chain(object_width, fix_second(modulo, 2))
    fill_color = chain(odd_side, chain(fix_first(multiply, 5), fix_first(add, 2)))
    filled = map_items(fork(recolor_object, identity, fill_color), holes)
    O = paint_objects(I, filled)
    return O
