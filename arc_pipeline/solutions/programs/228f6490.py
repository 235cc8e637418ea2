# Grey blocks contain enclosed empty holes. For each hole, the shape of a one-off colour (its
# colour used by no other shape) with exactly the hole's outline moves into it, leaving its old
# place empty; repeated-colour distractor shapes stay put.
# colour-semantic: keep 5: the blocks holding the holes are grey
def solve(I):
    bg = most_common_color(I)
    wall = add(bg, 1)
    hole = add(bg, 2)
    binary = keep_only_color(I, bg, wall)
    hole_grid = keep_only_color(fill_enclosed(binary, bg, hole), hole, bg)
    holes = find_objects(hole_grid, True, False, bg)
    loose = drop_if(find_objects(I, True, False, bg), chain(object_color, fix_first(equals, 5)))
    pieces = keep_if(loose, fork(equals, object_size, chain(object_color, fix_first(color_count, I))))
    outline = chain(fix_second(recolor_object, 1), fix_second(object_to_grid, 0))
    same_outline_as = chain(chain(outline, fix_first(fix_first, equals)), fix_first(chain, outline))
    match = chain(same_outline_as, chain(fix_first(keep_if, pieces), first))
    matched = map_items(match, holes)
    placed = map_items(fork(place_object_at, match, object_position), holes)
    cleared = paint_objects(I, map_items(fix_second(recolor_object, bg), matched))
    O = paint_objects(cleared, placed)
    return O
