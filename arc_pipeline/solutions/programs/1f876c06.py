# Each colour appears as two cells on a common diagonal; join each pair with a diagonal line of
# its colour.
def solve(I):
    bg = most_common_color(I)
    pairs = objects_by_color(I, bg)
    lines = map_items(connect_extremes, pairs)
    O = paint_objects(I, lines)
    return O
