# Templates (a body colour plus single marker cells) and loose anchor groups (marker-coloured
# cells lying near each other). Each anchor group gets the template that, rotated or reflected,
# lands its markers exactly on the anchors; the templates' original copies disappear.
def solve(I):
    bg = most_common_color(I)
    figures = find_objects(I, False, True, bg)
    has_body = chain(fork(object_color_count, identity, object_color), fix_second(greater_than, 1))
    templates = keep_if(figures, has_body)
    singles = merge(drop_if(figures, has_body))
    groups = map_items(fix_first(grid_cells_to_object, I), cluster_cells(singles, 4))
    candidates = chain(fix_first(fix_second, fit_object_onto), fix_second(map_items, templates))
    uncovered = chain(fix_first(fix_first, remove_cells), fix_second(chain, count))
    placed = map_items(fork(min_by, candidates, uncovered), groups)
    O = paint_objects(make_grid(bg, height(I), width(I)), placed)
    return O
