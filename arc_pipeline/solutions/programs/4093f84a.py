# A solid band crosses the grid; every scattered dot takes the band's colour and slides straight
# toward the band until it rests against it (or against dots already there).
def solve(I):
    bg = most_common_color(I)
    band0 = largest_object(find_objects(I, True, False, bg))
    band_color = object_color(band0)
    dots = keep_only_color(I, bg, band_color)
    is_vertical = less_than(object_width(band0), width(I))
    T = if_else(is_vertical, transpose(dots), dots)
    band = largest_object(find_objects(if_else(is_vertical, transpose(I), I), True, False, bg))
    top = object_top(band)
    stop = add(object_bottom(band), 1)
    above = gravity_down(select_rows(T, 0, top), bg)
    below = flip_vertical(gravity_down(flip_vertical(select_rows(T, stop, height(T))), bg))
    merged = stack_vertical((above, select_rows(T, top, stop), below))
    O = if_else(is_vertical, transpose(merged), merged)
    return O
