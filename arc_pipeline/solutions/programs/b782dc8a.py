# In a maze, a centre cell of one colour (the rarest) is surrounded by cells of a second colour.
# Flood the corridors connected to them with a checkerboard of the two colours: cells an even
# number of steps from the centre take the centre colour, the others the second colour. The walls
# are the colour that dominates the centre's 3x3 neighbourhood once the two seed colours are set
# aside (a corridor is one cell wide, so its diagonal neighbours are walls).
def solve(I):
    centre_color = least_common_color(I)
    other_color = nth(colors_by_frequency(I), 2)
    centre = first(cells_of_color(I, centre_color))
    around = colors_by_frequency(window_around(I, centre, 1))
    wall_color = first(drop_if(around, fix_first(contains, pair(centre_color, other_color))))
    regions = find_objects(I, False, False, wall_color)
    region = object_cells(first(keep_if(regions, chain(object_cells, fix_second(contains, centre)))))
    centre_parity = is_even(add(first(centre), last(centre)))
    same_parity = chain(fork(add, first, last), chain(is_even, fix_first(equals, centre_parity)))
    even_steps = keep_if(region, same_parity)
    with_centre = set_cells(I, even_steps, centre_color)
    O = set_cells(with_centre, difference(region, even_steps), other_color)
    return O
