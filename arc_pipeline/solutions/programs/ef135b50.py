# Solid rectangles that face each other side by side with only background between them are
# joined: the background cells between them, in the rows both share, become maroon (9). The
# background is the colour whose areas are not all rectangles (the blocks are solid rectangles).
# colour-semantic: keep 9: the bridges are maroon, a colour the input does not show
# orientation-semantic: only flip_horizontal,flip_vertical,rotate_180: only left-right gaps are bridged; blocks one above the other stay apart
def solve(I):
    bg = object_color(first(drop_if(find_objects(I, True, False, -1), is_rectangle)))
    blocks = find_objects(I, True, False, bg)
    gap = fix_last(fix_at(row_gap_between, 0, I), bg)
    gaps_from = chain(fix_first(fix_first, gap), chain(fix_second(map_items, blocks), merge))
    bridges = merge(map_items(gaps_from, blocks))
    O = set_cells(I, bridges, 9)
    return O
