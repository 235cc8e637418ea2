# The grid is made of solid colour bands with a few black holes. Each hole spreads into a black
# line running straight across its band, perpendicular to the band's direction, from edge to edge.
# colour-semantic: keep 0: the holes, and the lines they spread into, are black (0); the band colours are free
def solve(I):
    top_row = select_rows(I, 0, 1)
    vertical_bands = greater_than(count(objects_by_color(top_row, 0)), 1)
    G = if_else(vertical_bands, transpose(I), I)
    bands = find_objects(G, True, False, 0)
    holes = fork(difference, object_bbox, object_cells)
    hole_columns = chain(holes, fix_first(column_cells_through, G))
    lines = map_items(fork(intersection, object_bbox, hole_columns), bands)
    cut = set_cells(G, merge(lines), 0)
    O = if_else(vertical_bands, transpose(cut), cut)
    return O
