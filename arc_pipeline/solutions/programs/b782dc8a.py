# In the azure maze, a centre cell of one colour is surrounded by cells of a second colour. Flood the
# black corridors connected to them with a checkerboard of the two colours: cells an even number of
# steps from the centre take the centre colour, the others the second colour.
def solve(I):
    centre_color = least_common_color(remove_color(I, 8, 0))
    centre = first(cells_of_color(I, centre_color))
    other_color = first(difference(palette(replace_color(I, 8, 0)), pair(0, centre_color)))
    regions = find_objects(I, False, False, 8)
    region = first(keep_if(regions, chain(object_cells, fix_second(contains, centre))))
    even = is_even(add(first(centre), last(centre)))
    start_row = pair(centre_color, other_color)
    next_row = pair(other_color, centre_color)
    unit = if_else(even, pair(start_row, next_row), pair(next_row, start_row))
    checker = crop(tile(unit, height(I), width(I)), 0, 0, height(I), width(I))
    mask = set_cells(make_grid(0, height(I), width(I)), object_cells(region), 1)
    O = overlay(I, keep_where(checker, mask, 0), 0)
    return O
