# Several solid rectangles of different colours; output the smallest one.
def solve(I):
    rectangles = find_objects(I, True, False, 0)
    O = object_to_grid(smallest_object(rectangles), 0)
    return O
