# Ignore the grey square. The input has parallel coloured lines (some interrupted by the square);
# output an NxN square (N = number of lines) of stripes in the same orientation and order.
# colour-semantic: keep 5: the square to ignore is the grey one
def solve(I):
    bg = most_common_color(I)
    lines = remove_color(I, 5, bg)
    probe = first(objects_by_color(lines, bg))
    horizontal = greater_than(object_width(probe), object_height(probe))
    upright = if_else(horizontal, transpose(lines), lines)
    line_objs = sort_by(objects_by_color(upright, bg), object_left)
    colors = map_items(object_color, line_objs)
    stripes = repeat_value(colors, count(colors))
    O = if_else(horizontal, transpose(stripes), stripes)
    return O
