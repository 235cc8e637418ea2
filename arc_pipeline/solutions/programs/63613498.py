# The top-left corner box (walled by one colour) holds a reference shape. The shape elsewhere in the
# grid with exactly the same form (in another colour) is recoloured in the wall colour.
# orientation-semantic: only transpose: the reference box is the top-left corner
def solve(I):
    bg = most_common_color(I)
    wall = cell_color(I, 3, 3)
    mark = add(bg, 1)
    corner = crop(I, 0, 0, 3, 3)
    reference = grid_to_object(corner, bg)
    form_of = chain(fix_second(recolor_object, mark), fix_second(object_to_grid, bg))
    target_form = form_of(reference)
    shapes = find_objects(I, True, True, bg)
    others = drop_if(shapes, chain(object_color, fix_second(equals, object_color(reference))))
    same_form = keep_if(others, chain(form_of, fix_second(equals, target_form)))
    walled = map_items(fix_second(recolor_object, wall), same_form)
    O = paint_objects(I, walled)
    return O
