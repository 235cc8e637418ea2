# Each solid block standing on the bottom jumps straight up by its own height.
def solve(I):
    blocks = find_objects(I, True, False, 0)
    shift_rows = fix_at(shift_object, 2, 0)
    upward = chain(object_height, fix_first(multiply, -1))
    lift = fork(shift_rows, identity, upward)
    lifted = map_items(lift, blocks)
    blank = make_grid(0, height(I), width(I))
    O = paint_objects(blank, lifted)
    return O
