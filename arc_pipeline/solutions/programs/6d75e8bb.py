# Fill every background cell inside the bounding box of the shape with red (2).
# colour-semantic: keep 2: the filled cells are always red (2)
def solve(I):
    bg = most_common_color(I)
    figure = first(find_objects(I, False, True, bg))
    O = paint_cells_on_background(I, object_bbox(figure), 2, bg)
    return O
