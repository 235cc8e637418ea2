# Grey lines form a network with some closed rectangular boxes in it. Fill the inside of every
# box with yellow (4): a black rectangle whose surrounding ring (on the grid) is all grey and
# whose ring corners are true corners (not crossings where a line continues).
def solve(I):
    grey = cells_of_color(I, 5)
    areas = keep_if(find_objects(I, True, False, 5), is_rectangle)
    ring = fix_second(object_neighbor_cells, True)
    ring_on_grid = chain(ring, fix_second(intersection, all_cells(I)))
    ring_all_grey = chain(ring_on_grid, fork(equals, count, chain(fix_second(intersection, grey), count)))
    corners = chain(ring, chain(bbox_corners, fix_second(intersection, all_cells(I))))
    side_neighbors = chain(fix_second(repeat_value, 1), chain(fix_second(cells_to_object, 5), fix_second(object_neighbor_cells, False)))
    grey_sides = chain(side_neighbors, chain(fix_second(intersection, grey), count))
    true_corner = chain(grey_sides, fix_first(equals, 2))
    corners_ok = chain(corners, fork(equals, count, fix_second(count_if, true_corner)))
    boxes = keep_if(keep_if(areas, ring_all_grey), corners_ok)
    O = paint_objects(I, map_items(fix_second(recolor_object, 4), boxes))
    return O
