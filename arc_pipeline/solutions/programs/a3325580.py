# Find the largest shapes (all shapes that tie for the most cells). Output one column per such
# shape, ordered left to right by their position, filled with its colour; the height is that size.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the output holds one column per shape, ordered left to right, as tall as the shape size
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, False, bg)
    size = object_size(largest_object(shapes))
    biggest = sort_by(objects_of_size(shapes, size), object_left)
    colors = map_items(object_color, biggest)
    O = repeat_value(colors, size)
    return O
