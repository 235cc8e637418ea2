# One small multicoloured template shows a shape in its main colour with marker cells of other
# colours. Elsewhere only the markers appear, possibly enlarged (each cell a k x k block) and in
# a rotated or mirrored arrangement; draw the rest of the template, at that size and turn, around them.
def solve(I):
    background = most_common_color(I)
    groups = find_objects(I, False, True, background)
    color_total = chain(fix_first(map_items, last), chain(unique, count))
    template = first(keep_if(groups, chain(color_total, fix_first(less_than, 1))))
    O = stamp_template_at_anchors(I, template, object_color(template))
    return O
