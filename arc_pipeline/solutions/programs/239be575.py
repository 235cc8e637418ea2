# Output a single azure cell if the two red 2x2 squares are linked through one connected group of
# touching cells (diagonals count), otherwise a single black cell.
def solve(I):
    groups = find_objects(I, False, True, 0)
    best = max_by(groups, fix_second(object_color_count, 2))
    linked = equals(object_color_count(best, 2), 8)
    O = make_grid(if_else(linked, 8, 0), 1, 1)
    return O
