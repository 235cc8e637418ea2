# One multicoloured shape is the template; every grey (5) block of the same size is replaced
# by a copy of the template placed exactly over it.
def solve(I):
    pieces = find_objects(I, False, False, 0)
    blocks = objects_of_color(pieces, 5)
    template = first(drop_if(pieces, chain(object_color, fix_first(equals, 5))))
    copies = map_items(chain(object_position, fix_first(place_object_at, template)), blocks)
    O = paint_objects(I, copies)
    return O
