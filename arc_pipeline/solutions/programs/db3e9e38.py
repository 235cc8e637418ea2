# A vertical line hangs from the top edge. Grow a V of stripes beside it: the column at
# distance d to either side is filled from the top down to d cells above the line's end, in
# the line's colour for even d and light blue (8) for odd d.
# colour-semantic: keep 8: the odd stripes are always light blue, a colour the input does not hold.
# orientation-semantic: only flip_horizontal: the line hangs from the top edge.
def solve(I):
    bg = most_common_color(I)
    line = first(find_objects(I, True, False, bg))
    length = object_height(line)
    left_wing = smear_object(line, (-1, -1), length)
    right_wing = smear_object(line, (-1, 1), length)
    blank = make_grid(bg, height(I), width(I))
    v_shape = paint_object(paint_object(blank, left_wing), right_wing)
    unit = repeat_value(pair(object_color(line), 8), 1)
    stripes = crop(tile(unit, height(I), 16), 0, modulo(object_left(line), 2), height(I), width(I))
    O = keep_where(stripes, v_shape, bg)
    return O
