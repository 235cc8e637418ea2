# Count the 2x2 blue squares; output a 1x5 row with that many blue cells from the left, the rest
# background.
# colour-semantic: keep 1: blue squares are counted, squares of other colours are not
# orientation-semantic: the count is written as a 1x5 row filled from the left, whatever the picture's orientation
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, False, bg)
    blue_squares = objects_of_size(objects_of_color(shapes, 1), 4)
    n = count(blue_squares)
    O = concat_horizontal(make_grid(1, 1, n), make_grid(bg, 1, subtract(5, n)))
    return O
