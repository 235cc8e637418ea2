# Each closed frame (the colour of the largest shape) holds a coloured template shape. Every shape of
# the remaining colour elsewhere that has exactly the same form as a template is recoloured with the
# template's colour; other shapes stay. Shapes inside frames that are open to the grid edge are not
# templates.
def solve(I):
    bg = most_common_color(I)
    objs = find_objects(I, True, False, bg)
    frame_color = object_color(largest_object(objs))
    frames = keep_only_color(I, frame_color, bg)
    sealed = cells_of_color(fill_enclosed(frames, bg, frame_color), frame_color)
    inside = difference(sealed, cells_of_color(I, frame_color))
    is_enclosed = fork(equals, object_cells, chain(object_cells, fix_first(intersection, inside)))
    templates = keep_if(objs, is_enclosed)
    template_color = object_color(first(templates))
    shape_color = first(drop_if(palette(I), fix_first(contains, (bg, frame_color, template_color))))
    loose_shapes = objects_of_color(objs, shape_color)
    form = chain(fix_second(recolor_object, shape_color), fix_second(object_to_grid, bg))
    template_forms = map_items(form, templates)
    matching = keep_if(loose_shapes, chain(form, fix_first(contains, template_forms)))
    recolored = map_items(fix_second(recolor_object, template_color), matching)
    O = paint_objects(I, recolored)
    return O
