# Every magenta cell becomes red; orange cells stay.
def solve(I):
    O = replace_color(I, 6, 2)
    return O
