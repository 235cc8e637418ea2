# Three equally spaced cells on a diagonal mark the centre and the spacing. Draw concentric square
# outlines in their colour around the middle cell, one every `spacing` cells, out to the grid edge.
def solve(I):
    bg = most_common_color(I)
    dots = first(objects_by_color(I, bg))
    color = object_color(dots)
    center = object_center(dots)
    spacing = floor_divide(object_height(dots), 2)
    steps = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30)
    radii = keep_if(map_items(fix_first(multiply, spacing), steps), fix_second(less_than, 31))
    as_offset = fork(pair, identity, identity)
    low_corner = chain(as_offset, fix_first(subtract, center))
    high_corner = chain(as_offset, fix_first(add, center))
    corners = fork(pair, low_corner, high_corner)
    square = chain(chain(corners, bbox_of_cells), fix_second(cells_to_object, color))
    outline = chain(square, object_border_cells)
    rings = merge(map_items(outline, radii))
    O = set_cells(I, rings, color)
    return O
