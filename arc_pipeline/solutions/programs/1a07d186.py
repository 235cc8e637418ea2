# Full-length lines of several colours and loose dots. A dot matching a line's colour moves
# straight over to touch that line on its own side; dots matching no line disappear.
def solve(I):
    bg = most_common_color(I)
    pieces = find_objects(I, True, False, bg)
    is_line = fork(logical_or, chain(object_height, fix_first(equals, height(I))), chain(object_width, fix_first(equals, width(I))))
    lines = keep_if(pieces, is_line)
    dots = drop_if(pieces, is_line)
    line_colors = map_items(object_color, lines)
    matching = keep_if(dots, chain(object_color, fix_first(contains, line_colors)))
    line_for = chain(object_color, chain(fix_first(objects_of_color, lines), first))
    moved = map_items(fork(move_until_touching, identity, line_for), matching)
    O = paint_objects(paint_objects(make_grid(bg, height(I), width(I)), lines), moved)
    return O
