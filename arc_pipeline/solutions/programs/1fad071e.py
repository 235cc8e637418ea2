# Count the 2x2 blue squares; output a 1x5 row with that many blue cells from the left, rest black.
def solve(I):
    shapes = find_objects(I, True, False, 0)
    blue_squares = objects_of_size(objects_of_color(shapes, 1), 4)
    n = count(blue_squares)
    O = concat_horizontal(make_grid(1, 1, n), make_grid(0, 1, subtract(5, n)))
    return O
