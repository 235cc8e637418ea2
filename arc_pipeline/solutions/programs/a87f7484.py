# The input is a strip of 3x3 panels, each a pattern in its own colour; all patterns share one shape
# except one. Output the panel whose shape is different.
def solve(I):
    bg = most_common_color(I)
    tall = greater_than(height(I), width(I))
    upright = if_else(tall, I, transpose(I))
    panels = split_rows(upright, floor_divide(height(upright), 3))
    mark = add(bg, 1)
    shape_of = fix_last(fix_last(keep_only_color, mark), bg)
    odd_shape = least_common_item(map_items(shape_of, panels))
    odd_panel = first(keep_if(panels, chain(shape_of, fix_second(equals, odd_shape))))
    O = if_else(tall, odd_panel, transpose(odd_panel))
    return O
