# Each shape has a few single marker cells of other colours touching one corner cell of it (forming
# a 2x2 block with it). For every marker, mirror the whole shape across the boundary between that
# corner cell and the marker (sideways, up/down or diagonally) and paint the copy in the marker's colour.
def solve(I):
    bg = most_common_color(I)
    parts = find_objects(I, True, True, bg)
    bodies = drop_if(parts, chain(object_size, fix_second(equals, 1)))
    markers = objects_of_size(parts, 1)
    body_cells = merge(map_items(object_cells, bodies))
    marker_cells = merge(map_items(object_cells, markers))
    around = fork(pair, fix_first(add, (-1, -1)), fix_first(add, (1, 1)))
    marker_score = chain(chain(around, bbox_of_cells), chain(fix_first(intersection, marker_cells), count))
    candidates = chain(fix_second(object_neighbor_cells, True), chain(fix_first(intersection, body_cells), fix_second(sort_by, identity)))
    anchor = chain(candidates, fix_second(max_by, marker_score))
    holds = chain(fix_first(fix_second, contains), fix_first(chain, object_cells))
    body_of = chain(fork(keep_if, constant(bodies), chain(anchor, holds)), first)
    mirrored = fork(reflect_object_across, body_of, fork(pair, anchor, object_position))
    copies = map_items(fork(recolor_object, mirrored, object_color), markers)
    O = paint_objects(I, copies)
    return O
