# A grey band crosses the grid; every scattered dot turns grey and slides straight toward the band
# until it rests against it (or against dots already there).
def solve(I):
    grey = keep_only_color(I, 0, 5)
    band0 = largest_object(find_objects(I, True, False, 0))
    is_vertical = less_than(object_width(band0), width(I))
    T = if_else(is_vertical, transpose(grey), grey)
    band = largest_object(find_objects(if_else(is_vertical, transpose(I), I), True, False, 0))
    top = object_top(band)
    stop = add(object_bottom(band), 1)
    above = gravity_down(select_rows(T, 0, top), 0)
    below = flip_vertical(gravity_down(flip_vertical(select_rows(T, stop, height(T))), 0))
    merged = stack_vertical((above, select_rows(T, top, stop), below))
    O = if_else(is_vertical, transpose(merged), merged)
    return O
