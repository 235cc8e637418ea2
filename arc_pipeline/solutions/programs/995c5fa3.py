# Three grey 4x4 panels each show one of four hole patterns. Each panel gives one output row of
# three cells: solid -> red, centre hole -> azure, hole at the bottom middle -> yellow,
# holes in the left and right sides -> green.
def solve(I):
    panels = split_by_lines(I, 0)
    solid = ((5, 5, 5, 5), (5, 5, 5, 5), (5, 5, 5, 5), (5, 5, 5, 5))
    centre = ((5, 5, 5, 5), (5, 0, 0, 5), (5, 0, 0, 5), (5, 5, 5, 5))
    bottom = ((5, 5, 5, 5), (5, 5, 5, 5), (5, 0, 0, 5), (5, 0, 0, 5))
    sides = ((5, 5, 5, 5), (0, 5, 5, 0), (0, 5, 5, 0), (5, 5, 5, 5))
    table = ((solid, 2), (centre, 8), (bottom, 4), (sides, 3))
    colors = map_items(fix_first(lookup, table), panels)
    O = transpose(repeat_value(colors, 3))
    return O
