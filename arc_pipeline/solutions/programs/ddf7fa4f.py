# Each grey (5) block takes the colour of the marker cell in the top row that stands above
# one of the block's columns.
# colour-semantic: keep 5: the grey blocks are the ones recoloured (the markers may have any colour).
# orientation-semantic: only flip_horizontal: the markers stand in the top row.
def solve(I):
    bg = most_common_color(I)
    blocks = objects_of_color(find_objects(I, True, False, bg), 5)
    markers = cells_not_of_color(select_rows(I, 0, 1), bg)
    marker_cells = chain(chain(object_cells, fix_first(column_cells_through, I)), fix_first(intersection, markers))
    marker_color = chain(marker_cells, chain(fix_first(grid_cells_to_object, I), object_color))
    recolored = map_items(fork(recolor_object, identity, marker_color), blocks)
    O = paint_objects(I, recolored)
    return O
