# The red cell disappears and its four diagonal neighbours are coloured: top-left green,
# top-right magenta, bottom-left azure, bottom-right orange (those inside the grid).
def solve(I):
    red = first(cells_of_color(I, 2))
    r = first(red)
    c = last(red)
    blank = make_grid(0, height(I), width(I))
    g1 = set_cell(blank, subtract(r, 1), subtract(c, 1), 3)
    g2 = set_cell(g1, subtract(r, 1), add(c, 1), 6)
    g3 = set_cell(g2, add(r, 1), subtract(c, 1), 8)
    O = set_cell(g3, add(r, 1), add(c, 1), 7)
    return O
