# Two dots, one in each half of a 10x10 grid. The upper dot's colour draws the top half: full top
# row, full row through the dot, and both side edges; the lower dot's colour likewise draws the
# bottom half with the full bottom row, the full row through the dot and the side edges.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the dots split the grid into an upper and a lower half drawn with full rows
def solve(I):
    bg = most_common_color(I)
    dots = find_objects(I, True, False, bg)
    upper = first(dots)
    lower = last(dots)
    a = object_color(upper)
    b = object_color(lower)
    g0 = make_grid(bg, 10, 10)
    g1 = draw_line(g0, 0, 0, 0, 9, a)
    g2 = draw_line(g1, 0, 0, 4, 0, a)
    g3 = draw_line(g2, 0, 9, 4, 9, a)
    g4 = draw_line(g3, object_top(upper), 0, object_top(upper), 9, a)
    g5 = draw_line(g4, 9, 0, 9, 9, b)
    g6 = draw_line(g5, 5, 0, 9, 0, b)
    g7 = draw_line(g6, 5, 9, 9, 9, b)
    O = draw_line(g7, object_top(lower), 0, object_top(lower), 9, b)
    return O
