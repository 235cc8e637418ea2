# Each red hollow box is replaced by its hole filled with green (3); the red walls disappear.
def solve(I):
    filled = fill_enclosed(I, 0, 3)
    O = replace_color(filled, 2, 0)
    return O
