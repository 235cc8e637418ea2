# Several shapes are scattered; one has a grey (5) marker cell above it. Output that marked
# shape alone, cropped to its bounding box, without the marker.
def solve(I):
    shapes = find_objects(I, False, True, 0)
    has_marker = fix_second(object_color_count, 5)
    marked = max_by(shapes, has_marker)
    markers = cells_of_color(I, 5)
    figure = remove_cells(marked, markers)
    O = object_to_grid(figure, 0)
    return O
