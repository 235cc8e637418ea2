# Output a single azure cell if the two red 2x2 squares are linked through one connected group of
# touching cells (diagonals count), otherwise a single background cell.
# colour-semantic: keep 2,8: the squares are red and a link is reported in azure
def solve(I):
    bg = most_common_color(I)
    groups = find_objects(I, False, True, bg)
    best = max_by(groups, fix_second(object_color_count, 2))
    linked = equals(object_color_count(best, 2), 8)
    O = make_grid(if_else(linked, 8, bg), 1, 1)
    return O
