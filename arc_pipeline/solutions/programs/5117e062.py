# Several shapes are scattered; exactly one contains an azure (8) cell. Output that shape alone,
# cropped, with the azure cell painted in the shape's own colour.
def solve(I):
    shapes = find_objects(I, False, True, 0)
    has_azure = fix_second(object_color_count, 8)
    marked = max_by(shapes, has_azure)
    main = object_color(marked)
    O = object_to_grid(recolor_object(marked, main), 0)
    return O
