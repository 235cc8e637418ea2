# Every grey (5) dot grows into a 3x3 blue (1) square centred on it.
# colour-semantic: keep 1,5: the rule names the colours: grey dots become blue squares.
def solve(I):
    dots = cells_to_object(cells_of_color(I, 5), 1)
    around = ((-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 0), (0, 1), (1, -1), (1, 0), (1, 1))
    squares = shift_copies(dots, around)
    O = paint_object(I, squares)
    return O
