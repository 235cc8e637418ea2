# Two horizontal and two vertical azure lines cut the grid into 3x3 sections; the corner sections
# stay black, the top is red, left yellow, centre magenta, right green and bottom blue.
def solve(I):
    O = fill_sections(I, 8, (0, 2, 0, 4, 6, 3, 0, 1, 0))
    return O
