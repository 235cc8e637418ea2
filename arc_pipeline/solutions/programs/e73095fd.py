# Lines (the colour that is not the background) form a network with some closed rectangular
# boxes in it. Fill the inside of every box with yellow (4): a background rectangle whose
# surrounding ring (on the grid) is all line colour and whose ring corners are true corners (not
# crossings where a line continues).
# colour-semantic: keep 4: the boxes are filled with yellow, a colour the input does not show
def solve(I):
    line_color = nth(colors_by_frequency(I), 1)
    grey = cells_of_color(I, line_color)
    areas = keep_if(find_objects(I, True, False, line_color), is_rectangle)
    ring = fix_second(object_neighbor_cells, True)
    ring_on_grid = chain(ring, fix_second(intersection, all_cells(I)))
    ring_all_grey = chain(ring_on_grid, fork(equals, count, chain(fix_second(intersection, grey), count)))
    corners = chain(ring, chain(bbox_corners, fix_second(intersection, all_cells(I))))
    side_neighbors = chain(fix_second(repeat_value, 1), chain(fix_second(cells_to_object, line_color), fix_second(object_neighbor_cells, False)))
    grey_sides = chain(side_neighbors, chain(fix_second(intersection, grey), count))
    true_corner = chain(grey_sides, fix_first(equals, 2))
    corners_ok = chain(corners, fork(equals, count, fix_second(count_if, true_corner)))
    boxes = keep_if(keep_if(areas, ring_all_grey), corners_ok)
    O = paint_objects(I, map_items(fix_second(recolor_object, 4), boxes))
    return O
