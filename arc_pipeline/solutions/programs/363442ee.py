# The 3x3 pattern in the top-left corner is stamped centred on every blue cell.
# colour-semantic: keep 1: blue cells mark where the template is stamped
# orientation-semantic: only transpose: the template sits in the top-left corner
def solve(I):
    template = grid_to_object(crop(I, 0, 0, 3, 3), -1)
    centres = sort_by(cells_of_color(I, 1), identity)
    stamp = chain(fix_second(subtract, (1, 1)), fix_first(place_object_at, template))
    O = paint_objects(I, map_items(stamp, centres))
    return O
