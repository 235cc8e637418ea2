# A square frame has four coloured cells in the inner corners. Remove them and place each one
# just outside the frame at the diagonally opposite outer corner.
def solve(I):
    bg = most_common_color(I)
    frame = largest_object(find_objects(I, True, False, bg))
    top = object_top(frame)
    bottom = object_bottom(frame)
    left = object_left(frame)
    right = object_right(frame)
    c_tl = cell_color(I, add(top, 1), add(left, 1))
    c_tr = cell_color(I, add(top, 1), subtract(right, 1))
    c_bl = cell_color(I, subtract(bottom, 1), add(left, 1))
    c_br = cell_color(I, subtract(bottom, 1), subtract(right, 1))
    interior = difference(object_bbox(frame), object_border_cells(frame))
    cleared = set_cells(I, interior, bg)
    g1 = set_cell(cleared, add(bottom, 1), add(right, 1), c_tl)
    g2 = set_cell(g1, add(bottom, 1), subtract(left, 1), c_tr)
    g3 = set_cell(g2, subtract(top, 1), add(right, 1), c_bl)
    O = set_cell(g3, subtract(top, 1), subtract(left, 1), c_br)
    return O
