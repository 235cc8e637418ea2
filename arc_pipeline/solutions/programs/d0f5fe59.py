# Count the shapes; output an N x N background square with a main diagonal in the shapes'
# colour, where N is the number of shapes.
# orientation-semantic: only rotate_180,transpose: the line is the main (top-left to bottom-right) diagonal.
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, True, bg)
    n = count(shapes)
    last_index = subtract(n, 1)
    O = draw_line(make_grid(bg, n, n), 0, 0, last_index, last_index, object_color(first(shapes)))
    return O
