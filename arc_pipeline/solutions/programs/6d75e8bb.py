# Fill every empty cell inside the bounding box of the azure (8) shape with red (2).
def solve(I):
    figure = first(find_objects(I, False, True, 0))
    O = paint_cells_on_background(I, object_bbox(figure), 2, 0)
    return O
