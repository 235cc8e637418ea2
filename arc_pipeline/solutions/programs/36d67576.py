# The largest figure is a template: a yellow body with coloured attachments. Every other yellow
# body (rotated or reflected, possibly with some attachments already present) receives the
# template's attachments in the matching orientation.
def solve(I):
    bg = most_common_color(I)
    figures = find_objects(I, False, True, bg)
    template = largest_object(figures)
    others = drop_if(figures, fix_first(equals, template))
    fitted = map_items(fix_first(fit_object_onto, template), others)
    O = paint_objects(I, fitted)
    return O
