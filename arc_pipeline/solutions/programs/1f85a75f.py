# Among scattered noise, one shape is much larger than everything else; output that shape alone,
# cropped to its bounding box.
def solve(I):
    shapes = find_objects(I, True, False, 0)
    O = object_to_grid(largest_object(shapes), 0)
    return O
