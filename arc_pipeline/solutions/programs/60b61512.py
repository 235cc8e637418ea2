# Each yellow (4) shape sits in a 3x3 box; the empty cells of that bounding box become orange (7).
def solve(I):
    shapes = find_objects(I, True, True, 0)
    boxes = merge(map_items(object_bbox, shapes))
    O = paint_cells_on_background(I, boxes, 7, 0)
    return O
