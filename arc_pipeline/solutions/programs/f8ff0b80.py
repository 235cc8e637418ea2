# Three shapes of different colours; list their colours as a single column, from the shape with
# the most cells to the one with the fewest.
# orientation-semantic: only flip_horizontal: the colours are listed top to bottom in a single column.
def solve(I):
    bg = most_common_color(I)
    shapes = sort_by_descending(objects_by_color(I, bg), object_size)
    O = map_items(chain(object_color, fix_second(repeat_value, 1)), shapes)
    return O
