# The free shape slides straight toward the 2x2 square until it touches it.
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, False, bg)
    square = first(keep_if(shapes, is_rectangle))
    mover = first(drop_if(shapes, is_rectangle))
    moved = move_until_touching(mover, square)
    O = paint_object(erase_object(I, mover, bg), moved)
    return O
