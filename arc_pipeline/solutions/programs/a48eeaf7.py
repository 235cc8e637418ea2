# Each single dot moves straight (or diagonally) toward the 2x2 square until it touches it,
# i.e. its row and column are clamped to within one cell of the square.
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, False, bg)
    square = largest_object(shapes)
    dot_color = object_color(first(drop_if(shapes, fix_second(equals, square))))
    dots = objects_of_color(shapes, dot_color)
    clamp_row = chain(fix_second(maximum, subtract(object_top(square), 1)), fix_second(minimum, add(object_bottom(square), 1)))
    clamp_col = chain(fix_second(maximum, subtract(object_left(square), 1)), fix_second(minimum, add(object_right(square), 1)))
    target = fork(pair, chain(object_top, clamp_row), chain(object_left, clamp_col))
    cleared = remove_color(I, dot_color, bg)
    O = set_cells(cleared, map_items(target, dots), dot_color)
    return O
