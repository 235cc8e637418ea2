# Each grey cell moves straight (or diagonally) toward the red 2x2 square until it touches it,
# i.e. its row and column are clamped to within one cell of the square.
def solve(I):
    square = first(objects_by_color(keep_only_color(I, 2, 0), 0))
    dots = objects_of_color(find_objects(I, True, False, 0), 5)
    clamp_row = chain(fix_second(maximum, subtract(object_top(square), 1)), fix_second(minimum, add(object_bottom(square), 1)))
    clamp_col = chain(fix_second(maximum, subtract(object_left(square), 1)), fix_second(minimum, add(object_right(square), 1)))
    target = fork(pair, chain(object_top, clamp_row), chain(object_left, clamp_col))
    cleared = remove_color(I, 5, 0)
    O = set_cells(cleared, map_items(target, dots), 5)
    return O
