# Ignore the grey square. The input has parallel coloured lines (some interrupted by the square);
# output an NxN square (N = number of lines) of stripes in the same orientation and order.
def solve(I):
    lines = remove_color(I, 5, 0)
    probe = first(objects_by_color(lines, 0))
    horizontal = greater_than(object_width(probe), object_height(probe))
    upright = if_else(horizontal, transpose(lines), lines)
    line_objs = sort_by(objects_by_color(upright, 0), object_left)
    colors = map_items(object_color, line_objs)
    stripes = repeat_value(colors, count(colors))
    O = if_else(horizontal, transpose(stripes), stripes)
    return O
