# Fill every black area completely enclosed by the red walls with blue.
def solve(I):
    O = fill_enclosed(I, 0, 1)
    return O
