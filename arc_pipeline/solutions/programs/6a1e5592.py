# A red band has notches (gaps) cut into its lower edge, and grey pieces lie below it. Slide each
# grey piece (without turning it) up into the notch it fills exactly, one piece per notch, and
# colour the placed pieces blue (1); the grey originals disappear.
def solve(I):
    shapes = find_objects(I, True, False, 0)
    band = first(objects_of_color(shapes, 2))
    notch_cells = difference(object_bbox(band), object_cells(band))
    notch_grid = set_cells(make_grid(0, height(I), width(I)), notch_cells, 1)
    notches = map_items(object_cells, find_objects(notch_grid, True, False, 0))
    pieces = objects_of_color(shapes, 5)
    placed = fit_pieces_into_holes(pieces, notches, object_cells(band))
    blue = map_items(fix_second(recolor_object, 1), placed)
    O = paint_objects(replace_color(I, 5, 0), blue)
    return O
