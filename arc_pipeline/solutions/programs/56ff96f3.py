# Each colour appears in exactly two cells; fill the rectangle spanned by the two cells
# (as opposite corners) with that colour.
def solve(I):
    bg = most_common_color(I)
    pairs = objects_by_color(I, bg)
    rectangle_of = fork(cells_to_object, object_bbox, object_color)
    rectangles = map_items(rectangle_of, pairs)
    O = paint_objects(I, rectangles)
    return O
