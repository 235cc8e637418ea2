# Each maroon (9) square of side s gets a green (3) frame s/2 cells thick, and casts a blue (1)
# shadow as wide as itself straight down to the bottom edge. Frames cover shadows; squares
# stay on top.
# colour-semantic: keep 1,3: frames are always green and shadows blue, colours the input does not hold.
# orientation-semantic: only flip_horizontal: the shadows fall straight down.
def solve(I):
    squares = find_objects(I, True, False, most_common_color(I))
    half = chain(object_width, fix_second(floor_divide, 2))
    margin = chain(half, fork(pair, identity, identity))
    up_left = fork(place_object_at, identity, fork(subtract, object_position, margin))
    down_right = fork(place_object_at, identity, fork(add, object_position, margin))
    spread = chain(fork(union, up_left, down_right), chain(object_cells, bbox_of_cells))
    frame = chain(spread, fix_second(cells_to_object, 3))
    shadow = chain(fix_second(recolor_object, 1), fix_at(fix_last(smear_object, 30), 1, (1, 0)))
    shaded = paint_objects(I, map_items(shadow, squares))
    framed = paint_objects(shaded, map_items(frame, squares))
    O = paint_objects(framed, squares)
    return O
