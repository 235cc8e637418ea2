# Complete the coloured figure so that it has four-fold rotational symmetry (looks the same
# after every quarter turn).
def solve(I):
    figure = first(find_objects(I, False, True, 0))
    O = paint_object(I, complete_rotational_symmetry(figure, I))
    return O
