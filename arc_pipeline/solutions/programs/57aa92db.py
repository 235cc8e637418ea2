# A template shape in one colour carries a single marker cell of another colour. Elsewhere, pairs of
# equal-sized squares (marker colour + a new colour) show the marker enlarged; redraw the template
# shape around each at that scale, in the new colour, with the new square as part of it.
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, False, True, bg)
    main_count = fork(object_color_count, identity, object_color)
    balanced = fork(equals, chain(main_count, fix_first(multiply, 2)), object_size)
    template = first(drop_if(shapes, balanced))
    fill = object_color(template)
    template_grid = object_to_grid(template, bg)
    marker = least_common_color(replace_color(template_grid, bg, fill))
    is_known = fix_first(contains, (bg, fill, marker))
    new_colors = drop_if(palette(I), is_known)
    recolor_template = chain(fix_at(fix_at(replace_color, 0, template_grid), 0, fill), fix_second(grid_to_object, bg))
    stamp_with = fork(fix_at(stamp_template_scaled, 0, I), recolor_template, identity)
    stamped = map_items(stamp_with, new_colors)
    O = overlay_all(stamped, bg)
    return O
