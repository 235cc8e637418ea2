# Each colour appears as two dots in one row or column; join each pair with a line of its
# colour. Vertical lines are drawn over horizontal ones where they cross.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: vertical lines are drawn over horizontal ones
def solve(I):
    bg = most_common_color(I)
    lines = map_items(connect_extremes, objects_by_color(I, bg))
    is_horizontal = chain(object_height, fix_first(equals, 1))
    horizontals = keep_if(lines, is_horizontal)
    verticals = drop_if(lines, is_horizontal)
    O = paint_objects(paint_objects(I, horizontals), verticals)
    return O
