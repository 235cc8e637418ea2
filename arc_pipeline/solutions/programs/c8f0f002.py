# Every orange (7) cell becomes grey (5); all other cells stay.
# colour-semantic: keep 5,7: the rule names the colours: orange cells become grey.
def solve(I):
    O = replace_color(I, 7, 5)
    return O
