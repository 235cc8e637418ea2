# Two coloured dots sit on opposite long edges. Along the long axis, starting at the first dot,
# full-width stripes repeat: first dot's colour, then the second's at the dots' distance, and so on
# alternating with that spacing to the end of the grid.
# orientation-semantic: only transpose: the stripes repeat from the dots toward the right (or bottom) end of the long axis
def solve(I):
    bg = most_common_color(I)
    is_tall = greater_than(height(I), width(I))
    G = if_else(is_tall, transpose(I), I)
    dots = sort_by(find_objects(G, True, False, bg), object_left)
    a = first(dots)
    b = last(dots)
    start = object_left(a)
    gap = subtract(object_left(b), start)
    unit = stack_vertical((make_grid(object_color(a), 1, 1), make_grid(bg, subtract(gap, 1), 1), make_grid(object_color(b), 1, 1), make_grid(bg, subtract(gap, 1), 1)))
    stripes = transpose(extend_rows_periodically(unit, subtract(width(G), start)))
    row = concat_horizontal(make_grid(bg, 1, start), stripes)
    full = tile(row, height(G), 1)
    O = if_else(is_tall, transpose(full), full)
    return O
