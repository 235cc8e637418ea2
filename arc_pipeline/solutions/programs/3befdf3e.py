# Each square has an outer colour and an inner core; the two colours swap, and the square grows
# arms of the old outer colour on all four sides, each as thick as the core and as long as the
# square's side.
def solve(I):
    bg = most_common_color(I)
    squares = find_objects(I, False, False, bg)
    colors = drop_if(palette(I), fix_first(equals, bg))
    swapped = swap_colors(I, first(colors), last(colors))
    solid = fork(recolor_object, identity, object_color)
    reach = chain(object_height, fix_second(subtract, 2))
    down = map_items(fork(fix_at(smear_object, 1, (1, 0)), solid, reach), squares)
    up = map_items(fork(fix_at(smear_object, 1, (-1, 0)), solid, reach), squares)
    right = map_items(fork(fix_at(smear_object, 1, (0, 1)), solid, reach), squares)
    left = map_items(fork(fix_at(smear_object, 1, (0, -1)), solid, reach), squares)
    arms = paint_objects(paint_objects(paint_objects(paint_objects(make_grid(bg, height(I), width(I)), down), up), right), left)
    O = overlay(arms, swapped, bg)
    return O
