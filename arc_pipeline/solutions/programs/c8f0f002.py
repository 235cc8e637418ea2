# Every orange (7) cell becomes grey (5); all other cells stay.
def solve(I):
    O = replace_color(I, 7, 5)
    return O
