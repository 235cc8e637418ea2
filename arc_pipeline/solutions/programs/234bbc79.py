# Pieces are linked by grey joint cells. Taken left to right, each piece slides so that its
# leftmost grey cell lands just right of the previous piece's rightmost grey cell; then every
# grey cell takes its own piece's colour and the picture is trimmed to the chain's width.
# colour-semantic: keep 5: grey cells are the joints that link the pieces
# orientation-semantic: only flip_vertical: the pieces are chained left to right
def solve(I):
    bg = most_common_color(I)
    pieces = find_objects(I, False, False, bg)
    ordered = sort_by(pieces, object_left)
    linked = chain_at_joints(ordered, 5)
    is_not_grey = chain(last, fix_second(not_equal, 5))
    piece_color = chain(fix_second(keep_if, is_not_grey), object_color)
    recolor_piece = fork(recolor_object, identity, piece_color)
    colored = map_items(recolor_piece, linked)
    blank = make_grid(bg, height(I), width(I))
    canvas = paint_objects(blank, colored)
    ends = map_items(object_right, colored)
    last_column = max_by(ends, identity)
    O = select_columns(canvas, 0, add(last_column, 1))
    return O
