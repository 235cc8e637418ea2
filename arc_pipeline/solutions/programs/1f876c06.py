# Each colour appears as two cells on a common diagonal; join each pair with a diagonal line of
# its colour.
def solve(I):
    pairs = objects_by_color(I, 0)
    lines = map_items(connect_extremes, pairs)
    O = paint_objects(I, lines)
    return O
