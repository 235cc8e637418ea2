# Dots on the grid border face an azure block along their row or column; each dot paints its
# colour onto the nearest block cell in line with it (the dot itself stays).
def solve(I):
    bg = most_common_color(I)
    pieces = find_objects(I, True, False, bg)
    block = largest_object(pieces)
    dots = drop_if(pieces, fix_first(equals, block))
    slide = fix_second(move_until_touching, block)
    step = fork(direction_toward, object_position, chain(slide, object_position))
    landing = fork(add, chain(slide, object_position), step)
    projected = map_items(fork(place_object_at, identity, landing), dots)
    O = paint_objects(I, projected)
    return O
