# Each outlined shape leans right: every cell moves one column to the right, except the cells in
# the shape's bottom row and in its rightmost column, which stay where they are.
# orientation-semantic: the shapes lean right, anchored at their bottom row and rightmost column
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, True, bg)
    corner = chain(fork(pair, object_bottom, object_right), fix_last(repeat_value, 1))
    anchors = chain(corner, chain(fork(pair, fix_first(row_cells_through, I), fix_first(column_cells_through, I)), merge))
    movers = fork(remove_cells, identity, anchors)
    moved = map_items(chain(movers, fix_last(fix_last(shift_object, 1), 0)), shapes)
    staying = map_items(fork(remove_cells, identity, movers), shapes)
    O = paint_objects(paint_objects(make_grid(bg, height(I), width(I)), staying), moved)
    return O
