# One multicoloured template shape and several azure shapes of the same outline; every azure shape
# is replaced by a copy of the template, and the original template is erased.
# colour-semantic: keep 8: the azure shapes mark where copies of the template go
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, False, False, bg)
    template = first(drop_if(shapes, chain(object_color, fix_first(equals, 8))))
    targets = objects_of_color(shapes, 8)
    copies = map_items(chain(object_position, fix_first(place_object_at, template)), targets)
    cleared = make_grid(bg, height(I), width(I))
    O = paint_objects(cleared, copies)
    return O
