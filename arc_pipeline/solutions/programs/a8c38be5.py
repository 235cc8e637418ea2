# Nine 3x3 pieces of one body colour (the second most common), most with coloured edges or corners, are assembled into a 9x9 square. A piece
# goes to the top (bottom) row of blocks if its colour touches only its top (bottom) edge, to the left
# (right) column if its colour touches only its left (right) edge; otherwise it is central that way.
def solve(I):
    bg = most_common_color(I)
    grey = nth(colors_by_frequency(I), 1)
    centres = map_items(fix_first(add, (1, 1)), full_window_corners(I, 3, 3, bg))
    pieces = map_items(fix_first(fix_last(window_around, 1), I), centres)
    edge_pieces = keep_if(pieces, chain(fix_second(color_count, grey), fix_second(less_than, 9)))
    marks = chain(fix_second(cells_not_of_color, grey), fix_second(cells_to_object, 0))
    block_of = chain(fix_first(add, 1), fix_first(multiply, 3))
    row_shift = fork(subtract, chain(object_bottom, fix_second(equals, 2)), chain(object_top, fix_second(equals, 0)))
    col_shift = fork(subtract, chain(object_right, fix_second(equals, 2)), chain(object_left, fix_second(equals, 0)))
    target = fork(pair, chain(marks, chain(row_shift, block_of)), chain(marks, chain(col_shift, block_of)))
    as_object = fix_second(grid_to_object, bg)
    placed = map_items(fork(place_object_at, as_object, target), edge_pieces)
    O = paint_objects(make_grid(grey, 9, 9), placed)
    return O
