# Several shapes are scattered; exactly one contains a marker cell (the grid's rarest colour). Output
# that shape alone, cropped, with the marker cell painted in the shape's own colour.
def solve(I):
    bg = most_common_color(I)
    marker = least_common_color(I)
    shapes = find_objects(I, False, True, bg)
    has_marker = fix_second(object_color_count, marker)
    marked = max_by(shapes, has_marker)
    main = object_color(marked)
    O = object_to_grid(recolor_object(marked, main), bg)
    return O
