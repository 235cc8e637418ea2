# An orange vertical line hangs from the top edge. Grow a V of stripes beside it: the column at
# distance d to either side is filled from the top down to d cells above the line's end, in
# orange (7) for even d and light blue (8) for odd d.
def solve(I):
    line = first(find_objects(I, True, False, 0))
    length = object_height(line)
    left_wing = smear_object(line, (-1, -1), length)
    right_wing = smear_object(line, (-1, 1), length)
    blank = make_grid(0, height(I), width(I))
    v_shape = paint_object(paint_object(blank, left_wing), right_wing)
    stripes = crop(tile(((7, 8),), height(I), 16), 0, modulo(object_left(line), 2), height(I), width(I))
    O = keep_where(stripes, v_shape, 0)
    return O
