# Two blue (1) cells lie on one line; draw a green (3) plus sign (centre and its four side
# neighbours) at the midpoint between them.
# colour-semantic: keep 1,3: the rule names the colours: a green plus between two blue cells.
def solve(I):
    ones = cells_to_object(cells_of_color(I, 1), 3)
    center = object_center(ones)
    dot = cells_to_object(repeat_value(center, 1), 3)
    plus = shift_copies(dot, ((0, 0), (-1, 0), (1, 0), (0, -1), (0, 1)))
    O = paint_object(I, plus)
    return O
