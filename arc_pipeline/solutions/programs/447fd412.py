# A template shape is drawn in one colour with marker cells of another. Wherever the red markers
# reappear with the same layout (possibly enlarged, never turned), draw the template's
# main-colour cells around them at the same scale.
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, False, True, bg)
    colour_variety = chain(fix_second(object_to_grid, bg), count_colors)
    template = max_by(shapes, colour_variety)
    O = stamp_template_scaled(I, template, object_color(template))
    return O
