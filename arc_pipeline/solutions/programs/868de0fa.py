# Each square frame is hollow: fill its interior with red (2) when the interior side length is
# even and with orange (7) when it is odd. The interiors are the solid one-colour rectangles that
# do not touch the grid edge (frames are hollow, the outside background touches the edge).
# colour-semantic: keep 2,7: the rule names the fills, red for even sides and orange for odd
def solve(I):
    regions = keep_if(find_objects(I, True, False, -1), is_rectangle)
    holes = drop_if(regions, fix_second(touches_border, I))
    odd_side = chain(object_width, fix_second(modulo, 2))
    fill_color = chain(odd_side, chain(fix_first(multiply, 5), fix_first(add, 2)))
    filled = map_items(fork(recolor_object, identity, fill_color), holes)
    O = paint_objects(I, filled)
    return O
