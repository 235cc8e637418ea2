# Two red brackets face each other, with grey (5) shapes lying outside them. Mirror each grey
# shape across the long back line of the bracket it sits behind, so it moves inside the space
# between the brackets (the originals disappear).
def solve(I):
    red_in_input = first(objects_of_color(find_objects(I, True, True, 0), 2))
    upright = less_than(object_height(red_in_input), object_width(red_in_input))
    G = if_else(upright, I, transpose(I))
    brackets = objects_of_color(find_objects(G, True, True, 0), 2)
    top_line = object_top(first(brackets))
    bottom_line = object_bottom(last(brackets))
    grey = cells_of_color(G, 5)
    above = keep_if(grey, chain(first, fix_second(less_than, top_line)))
    below = keep_if(grey, chain(first, fix_first(less_than, bottom_line)))
    top_axis = pair(pair(subtract(top_line, 1), 0), pair(add(top_line, 1), 0))
    bottom_axis = pair(pair(subtract(bottom_line, 1), 0), pair(add(bottom_line, 1), 0))
    moved_above = reflect_object_across(cells_to_object(above, 5), top_axis)
    moved_below = reflect_object_across(cells_to_object(below, 5), bottom_axis)
    cleared = replace_color(G, 5, 0)
    R = paint_objects(cleared, pair(moved_above, moved_below))
    O = if_else(upright, R, transpose(R))
    return O
