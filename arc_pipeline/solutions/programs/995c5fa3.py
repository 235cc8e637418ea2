# Three 4x4 panels of the most common colour each show one of four hole patterns. Each panel gives one output row of
# three cells: solid -> red, centre hole -> azure, hole at the bottom middle -> yellow,
# holes in the left and right sides -> green.
# colour-semantic: keep 2,3,4,8: each hole pattern names its colour: solid red, centre azure, bottom yellow, sides green
# orientation-semantic: the hole patterns are told apart by where the holes are (bottom, sides), and the panels, read left to right, become the output rows top to bottom
def solve(I):
    g = most_common_color(I)
    b = least_common_color(I)
    panels = split_by_lines(I, b)
    solid = ((g, g, g, g), (g, g, g, g), (g, g, g, g), (g, g, g, g))
    centre = ((g, g, g, g), (g, b, b, g), (g, b, b, g), (g, g, g, g))
    bottom = ((g, g, g, g), (g, g, g, g), (g, b, b, g), (g, b, b, g))
    sides = ((g, g, g, g), (b, g, g, b), (b, g, g, b), (g, g, g, g))
    table = ((solid, 2), (centre, 8), (bottom, 4), (sides, 3))
    colors = map_items(fix_first(lookup, table), panels)
    O = transpose(repeat_value(colors, 3))
    return O
