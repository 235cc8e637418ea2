# Several solid rectangles made of a few colours lie on a background (the colour whose removal
# leaves only rectangles); output the rectangle holding the most red (2) cells.
# colour-semantic: keep 2: the rectangle chosen is the one with the most red cells; its other colours are free
def solve(I):
    pieces_on = fix_at(fix_at(fix_at(find_objects, 0, I), 0, False), 0, False)
    all_rectangles = fork(equals, fix_second(count_if, is_rectangle), count)
    bg = first(keep_if(colors_by_frequency(I), chain(pieces_on, all_rectangles)))
    panels = pieces_on(bg)
    reddest = max_by(panels, fix_second(object_color_count, 2))
    O = crop_to_object(I, reddest)
    return O
