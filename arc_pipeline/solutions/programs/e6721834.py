# The grid has two halves: one holds shapes with a few marker cells, the other only loose
# marker dots on its own background. Output the dot half with each shape placed (rotated or
# mirrored if needed) so that its marker cells land exactly on a group of matching dots.
def solve(I):
    halves = if_else(greater_than(height(I), width(I)), split_rows(I, 2), split_columns(I, 2))
    busy = chain(fork(cells_not_of_color, identity, most_common_color), count)
    a = first(halves)
    b = last(halves)
    a_has_shapes = greater_than(busy(a), busy(b))
    shape_half = if_else(a_has_shapes, a, b)
    dot_half = if_else(a_has_shapes, b, a)
    shapes = find_objects(shape_half, False, False, most_common_color(shape_half))
    dot_cells = cells_not_of_color(dot_half, most_common_color(dot_half))
    groups = map_items(fix_first(grid_cells_to_object, dot_half), cluster_cells(dot_cells, 2))
    fits_for = chain(fix_first(fix_second, fit_object_onto), fix_second(map_items, shapes))
    moved_only = fix_second(drop_if, fix_first(contains, shapes))
    placed = map_items(chain(fits_for, chain(moved_only, first)), groups)
    O = paint_objects(dot_half, placed)
    return O
