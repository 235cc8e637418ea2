# One multicoloured template shape is drawn mostly in one fill colour with a few marker colours.
# Wherever the marker colours reappear (possibly enlarged, rotated or mirrored), draw the matching
# copy of the template's fill cells around them.
def solve(I):
    background = most_common_color(I)
    shapes = find_objects(I, False, True, background)
    colour_variety = chain(fix_second(object_to_grid, background), count_colors)
    template = max_by(shapes, colour_variety)
    O = stamp_template_at_anchors(I, template, object_color(template))
    return O
