# Every magenta cell becomes red; orange cells stay.
# colour-semantic: keep 2,6: magenta becomes red
def solve(I):
    O = replace_color(I, 6, 2)
    return O
