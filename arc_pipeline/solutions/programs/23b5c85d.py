# Several solid rectangles of different colours; output the smallest one.
def solve(I):
    bg = most_common_color(I)
    rectangles = find_objects(I, True, False, bg)
    O = object_to_grid(smallest_object(rectangles), bg)
    return O
