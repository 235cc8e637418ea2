# Two coloured cells face each other on one row (or column). Each grows toward the other: a straight
# stem up to just before the midpoint, then a 5-cell crossbar, then one-cell arms at the bar's ends,
# so the two halves form a closed box meeting in the middle, each half in its own colour.
def solve(I):
    bg = most_common_color(I)
    seeds = find_objects(I, True, False, bg)
    vertical = equals(object_left(first(seeds)), object_left(last(seeds)))
    G = if_else(vertical, transpose(I), I)
    cells = find_objects(G, True, False, bg)
    a = first(cells)
    b = last(cells)
    r = object_top(a)
    c1 = object_left(a)
    c2 = object_left(b)
    m = floor_divide(subtract(add(c1, c2), 1), 2)
    up = subtract(r, 2)
    down = add(r, 2)
    ca = object_color(a)
    cb = object_color(b)
    g1 = draw_line(G, r, c1, r, subtract(m, 1), ca)
    g2 = draw_line(g1, up, subtract(m, 1), down, subtract(m, 1), ca)
    g3 = draw_line(g2, up, m, up, m, ca)
    g4 = draw_line(g3, down, m, down, m, ca)
    g5 = draw_line(g4, r, add(m, 2), r, c2, cb)
    g6 = draw_line(g5, up, add(m, 2), down, add(m, 2), cb)
    g7 = draw_line(g6, up, add(m, 1), up, add(m, 1), cb)
    g8 = draw_line(g7, down, add(m, 1), down, add(m, 1), cb)
    O = if_else(vertical, transpose(g8), g8)
    return O
