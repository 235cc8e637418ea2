# Two coloured pieces fit together like a jigsaw: slide them (without turning) so that
# together they fill a 3x3 square exactly, and output that square.
def solve(I):
    bg = most_common_color(I)
    pieces = find_objects(I, True, True, bg)
    shapes = map_items(object_cells, pieces)
    colors = map_items(object_color, pieces)
    square = bbox_of_cells(pair(pair(0, 0), pair(2, 2)))
    placements = tile_region(square, shapes)
    placed = zip_with(cells_to_object, placements, colors)
    O = paint_objects(make_grid(bg, 3, 3), placed)
    return O
