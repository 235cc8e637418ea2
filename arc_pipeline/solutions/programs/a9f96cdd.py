# The single coloured cell disappears and its four diagonal neighbours are coloured: top-left green,
# top-right magenta, bottom-left azure, bottom-right orange (those inside the grid).
# colour-semantic: keep 3,6,7,8: each diagonal neighbour has its own colour: top-left green, top-right magenta, bottom-left azure, bottom-right orange
# orientation-semantic: each diagonal neighbour's colour is fixed by its corner (top-left, top-right, bottom-left, bottom-right)
def solve(I):
    red = first(cells_of_color(I, least_common_color(I)))
    r = first(red)
    c = last(red)
    blank = make_grid(most_common_color(I), height(I), width(I))
    g1 = set_cell(blank, subtract(r, 1), subtract(c, 1), 3)
    g2 = set_cell(g1, subtract(r, 1), add(c, 1), 6)
    g3 = set_cell(g2, add(r, 1), subtract(c, 1), 8)
    O = set_cell(g3, add(r, 1), add(c, 1), 7)
    return O
