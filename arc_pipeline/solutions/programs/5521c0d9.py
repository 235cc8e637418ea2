# Each solid block standing on the bottom jumps straight up by its own height.
# orientation-semantic: only flip_horizontal: the blocks jump straight up
def solve(I):
    bg = most_common_color(I)
    blocks = find_objects(I, True, False, bg)
    shift_rows = fix_at(shift_object, 2, 0)
    upward = chain(object_height, fix_first(multiply, -1))
    lift = fork(shift_rows, identity, upward)
    lifted = map_items(lift, blocks)
    blank = make_grid(bg, height(I), width(I))
    O = paint_objects(blank, lifted)
    return O
