# Among scattered noise, one shape is much larger than everything else; output that shape alone,
# cropped to its bounding box.
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, False, bg)
    O = object_to_grid(largest_object(shapes), bg)
    return O
