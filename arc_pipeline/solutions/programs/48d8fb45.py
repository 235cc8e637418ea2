# Several shapes are scattered; one has a single marker cell (the grid's rarest colour) above it.
# Output that marked shape alone, cropped to its bounding box, without the marker.
def solve(I):
    bg = most_common_color(I)
    marker = least_common_color(I)
    shapes = find_objects(I, False, True, bg)
    has_marker = fix_second(object_color_count, marker)
    marked = max_by(shapes, has_marker)
    markers = cells_of_color(I, marker)
    figure = remove_cells(marked, markers)
    O = object_to_grid(figure, bg)
    return O
