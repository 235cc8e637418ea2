# Each side of the frame has its own colour. A loose cell inside that matches a side's colour
# moves straight to that side and rests against it; loose cells matching no side vanish.
def solve(I):
    bg = most_common_color(I)
    pieces = find_objects(I, True, False, bg)
    sides = keep_if(pieces, fix_second(touches_border, I))
    dots = drop_if(pieces, fix_second(touches_border, I))
    side_by_color = map_items(fork(pair, object_color, identity), sides)
    side_colors = map_items(object_color, sides)
    matching = keep_if(dots, chain(object_color, fix_first(contains, side_colors)))
    target_side = chain(object_color, fix_first(lookup, side_by_color))
    moved = map_items(fork(move_until_touching, identity, target_side), matching)
    cleared = paint_objects(I, map_items(fix_second(recolor_object, bg), dots))
    O = paint_objects(cleared, moved)
    return O
