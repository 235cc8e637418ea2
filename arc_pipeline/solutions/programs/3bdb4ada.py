# Each solid 3-row bar gets its middle row perforated: starting from the second cell, every other
# cell of the middle row becomes background, leaving the ends intact.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the bars are horizontal and their middle row is perforated
def solve(I):
    bg = most_common_color(I)
    bars = find_objects(I, True, False, bg)
    seed = cells_to_object(((0, 0),), bg)
    first_hole = chain(object_position, chain(fix_second(add, (1, 1)), fix_first(place_object_at, seed)))
    hole_count = chain(object_width, chain(fix_second(subtract, 3), fix_second(floor_divide, 2)))
    holes = map_items(fork(fix_at(smear_object, 1, (0, 2)), first_hole, hole_count), bars)
    O = paint_objects(I, holes)
    return O
