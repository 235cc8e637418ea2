# The top-left corner box (walled by grey 5) holds a reference shape. The shape elsewhere in the
# grid with exactly the same form (in another colour) is recoloured grey (5).
def solve(I):
    corner = crop(I, 0, 0, 3, 3)
    reference = grid_to_object(corner, 0)
    form_of = chain(fix_second(recolor_object, 1), fix_second(object_to_grid, 0))
    target_form = form_of(reference)
    shapes = find_objects(I, True, True, 0)
    others = drop_if(shapes, chain(object_color, fix_second(equals, object_color(reference))))
    same_form = keep_if(others, chain(form_of, fix_second(equals, target_form)))
    greyed = map_items(fix_second(recolor_object, 5), same_form)
    O = paint_objects(I, greyed)
    return O
