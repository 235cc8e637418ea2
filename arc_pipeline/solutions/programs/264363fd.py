# A small key pattern sits outside the big rectangles; its centre colour marks dots inside them.
# The key's arm colour (two cells out from its centre, horizontally / vertically; none if that is
# background) becomes a line through each dot across its rectangle in that direction, then the
# whole key is stamped centred on each dot (clipped to the rectangles). The original key is erased.
def solve(I):
    background = most_common_color(I)
    rect_color = nth(colors_by_frequency(I), 1)
    figures = find_objects(I, False, False, background)
    no_rect = chain(fix_second(object_color_count, rect_color), fix_first(equals, 0))
    key = first(keep_if(figures, no_rect))
    rects = drop_if(figures, no_rect)
    centre = object_center(key)
    across_color = cell_color(I, first(centre), add(last(centre), 2))
    down_color = cell_color(I, add(first(centre), 2), last(centre))
    across = if_else(equals(across_color, background), rect_color, across_color)
    down = if_else(equals(down_color, background), rect_color, down_color)
    dots_of = fix_second(remove_cells, cells_of_color(I, rect_color))
    outside_of = fix_first(remove_cells, all_cells(I))
    row_lines = fork(remove_cells, chain(dots_of, fix_first(row_cells_through, I)), outside_of)
    column_lines = fork(remove_cells, chain(dots_of, fix_first(column_cells_through, I)), outside_of)
    cleared = paint_object(I, recolor_object(key, background))
    with_rows = paint_cells_on_background(cleared, merge(map_items(row_lines, rects)), across, rect_color)
    with_lines = paint_cells_on_background(with_rows, merge(map_items(column_lines, rects)), down, rect_color)
    dots = sort_by(object_cells(merge(map_items(dots_of, rects))), identity)
    offset = subtract(centre, object_position(key))
    outside_rects = remove_cells(all_cells(I), merge(rects))
    stamp = chain(chain(fix_second(subtract, offset), fix_first(place_object_at, key)), fix_second(remove_cells, outside_rects))
    stamps = map_items(stamp, dots)
    O = paint_objects(with_lines, stamps)
    return O
