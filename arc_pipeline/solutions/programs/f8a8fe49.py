# Two brackets (the second most common colour) face each other with pieces of the rarest colour
# between them. Each piece is moved out of the frame: it is mirrored across the outer edge line of
# the bracket nearest to it.
def solve(I):
    bg = most_common_color(I)
    bracket_color = nth(colors_by_frequency(I), 1)
    piece_color = least_common_color(I)
    brackets = objects_of_color(find_objects(I, True, False, bg), bracket_color)
    vertical = greater_than(object_height(first(brackets)), object_width(first(brackets)))
    G = if_else(vertical, transpose(I), I)
    ordered = sort_by(objects_of_color(find_objects(G, True, False, bg), bracket_color), object_top)
    top = object_top(first(ordered))
    bottom = object_bottom(last(ordered))
    middle = floor_divide(add(top, bottom), 2)
    pieces = objects_of_color(find_objects(G, True, True, bg), piece_color)
    is_upper = chain(object_top, fix_second(less_than, middle))
    upper = merge(keep_if(pieces, is_upper))
    lower = merge(drop_if(pieces, is_upper))
    upper_out = reflect_object_across(upper, pair(pair(add(top, 1), 0), pair(subtract(top, 1), 0)))
    lower_out = reflect_object_across(lower, pair(pair(add(bottom, 1), 0), pair(subtract(bottom, 1), 0)))
    moved = paint_object(paint_object(replace_color(G, piece_color, bg), upper_out), lower_out)
    O = if_else(vertical, transpose(moved), moved)
    return O
