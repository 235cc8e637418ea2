# Four L-shaped pieces (2x2 squares missing one corner) are assembled into a 4x4 square: each
# piece goes into the quadrant opposite its missing corner, so the missing corners meet in the middle.
def solve(I):
    bg = most_common_color(I)
    pieces = find_objects(I, True, False, bg)
    missing = fork(subtract, chain(fork(difference, object_bbox, object_cells), first), object_position)
    quadrant = chain(missing, chain(fork(add, identity, identity), fix_first(subtract, (2, 2))))
    placed = map_items(fork(place_object_at, identity, quadrant), pieces)
    O = paint_objects(make_grid(bg, 4, 4), placed)
    return O
