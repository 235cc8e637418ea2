# Each closed grey frame holds a coloured template shape. Every blue shape elsewhere that has exactly
# the same form as a template is recoloured with the template's colour; other blue shapes stay.
# Shapes inside frames that are open to the grid edge are not templates.
def solve(I):
    objs = find_objects(I, True, False, 0)
    blue_shapes = objects_of_color(objs, 1)
    frames = keep_only_color(I, 5, 0)
    inside = cells_of_color(fill_enclosed(frames, 0, 7), 7)
    is_enclosed = fork(equals, object_cells, chain(object_cells, fix_first(intersection, inside)))
    templates = keep_if(objs, is_enclosed)
    template_color = object_color(first(templates))
    form = chain(fix_second(recolor_object, 1), fix_second(object_to_grid, 0))
    template_forms = map_items(form, templates)
    matching = keep_if(blue_shapes, chain(form, fix_first(contains, template_forms)))
    recolored = map_items(fix_second(recolor_object, template_color), matching)
    O = paint_objects(I, recolored)
    return O
