# Some small two-colour patterns appear complete; elsewhere only parts of the same patterns appear
# (just one of their colours). Complete every partial pattern by drawing the full pattern over it
# so that the visible part matches.
def solve(I):
    bg = most_common_color(I)
    clusters = cluster_cells(cells_not_of_color(I, bg), 2)
    groups = map_items(fix_first(grid_cells_to_object, I), clusters)
    color_total = chain(fix_first(map_items, last), chain(unique, count))
    templates = keep_if(groups, chain(color_total, fix_first(less_than, 1)))
    fit_all = chain(fix_first(fix_first, fit_object_onto), fix_second(map_items, groups))
    placed = flatten(map_items(fit_all, templates))
    O = paint_objects(I, placed)
    return O
