# A large arch-shaped object sits among scattered dots of another colour. For every dot lying
# directly below the arch, draw a vertical line in the dot's colour in that column, from just under
# the arch down to the bottom edge.
# orientation-semantic: only flip_horizontal: the lines run downward from under the arch to the bottom edge
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, True, bg)
    arch = largest_object(shapes)
    dot_color = object_color(smallest_object(shapes))
    shadow = difference(object_cells(smear_object(arch, pair(1, 0), 30)), object_cells(arch))
    dots_below = intersection(cells_of_color(I, dot_color), shadow)
    lines = intersection(shadow, column_cells_through(I, dots_below))
    O = set_cells(I, lines, dot_color)
    return O
