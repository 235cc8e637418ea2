# From the single coloured cell, draw its colour along both diagonals in all four directions
# to the grid edges.
def solve(I):
    bg = most_common_color(I)
    dot = first(find_objects(I, True, False, bg))
    r = object_top(dot)
    c = object_left(dot)
    color = object_color(dot)
    g1 = draw_ray(I, r, c, -1, -1, color)
    g2 = draw_ray(g1, r, c, -1, 1, color)
    g3 = draw_ray(g2, r, c, 1, -1, color)
    O = draw_ray(g3, r, c, 1, 1, color)
    return O
