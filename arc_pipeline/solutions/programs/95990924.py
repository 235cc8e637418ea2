# Each 2x2 square gets four single cells at its diagonal corners, just outside it:
# blue at top-left, red at top-right, green at bottom-left, yellow at bottom-right.
# colour-semantic: keep 1,2,3,4: the corner colours are fixed: blue top-left, red top-right, green bottom-left, yellow bottom-right
# orientation-semantic: each corner colour belongs to one corner: blue top-left, red top-right, green bottom-left, yellow bottom-right
def solve(I):
    squares = find_objects(I, True, False, most_common_color(I))
    corners = map_items(object_position, squares)
    g1 = set_cells(I, map_items(fix_first(add, (-1, -1)), corners), 1)
    g2 = set_cells(g1, map_items(fix_first(add, (-1, 2)), corners), 2)
    g3 = set_cells(g2, map_items(fix_first(add, (2, -1)), corners), 3)
    O = set_cells(g3, map_items(fix_first(add, (2, 2)), corners), 4)
    return O
