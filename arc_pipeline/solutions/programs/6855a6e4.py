# Two brackets (the most common non-background colour) face each other, with shapes of another
# colour lying outside them. Mirror each such shape across the long back line of the bracket it
# sits behind, so it moves inside the space between the brackets (the originals disappear).
def solve(I):
    bg = most_common_color(I)
    bracket_color = nth(colors_by_frequency(I), 1)
    shape_color = first(difference(palette(I), pair(bg, bracket_color)))
    red_in_input = first(objects_of_color(find_objects(I, True, True, bg), bracket_color))
    upright = less_than(object_height(red_in_input), object_width(red_in_input))
    G = if_else(upright, I, transpose(I))
    brackets = objects_of_color(find_objects(G, True, True, bg), bracket_color)
    top_line = object_top(first(brackets))
    bottom_line = object_bottom(last(brackets))
    grey = cells_of_color(G, shape_color)
    above = keep_if(grey, chain(first, fix_second(less_than, top_line)))
    below = keep_if(grey, chain(first, fix_first(less_than, bottom_line)))
    top_axis = pair(pair(subtract(top_line, 1), 0), pair(add(top_line, 1), 0))
    bottom_axis = pair(pair(subtract(bottom_line, 1), 0), pair(add(bottom_line, 1), 0))
    moved_above = reflect_object_across(cells_to_object(above, shape_color), top_axis)
    moved_below = reflect_object_across(cells_to_object(below, shape_color), bottom_axis)
    cleared = replace_color(G, shape_color, bg)
    R = paint_objects(cleared, pair(moved_above, moved_below))
    O = if_else(upright, R, transpose(R))
    return O
