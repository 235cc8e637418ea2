# Cut out the smallest rectangle containing all non-blue cells; inside it, blue becomes black.
def solve(I):
    window = crop_to_content(I, 1)
    O = replace_color(window, 1, 0)
    return O
