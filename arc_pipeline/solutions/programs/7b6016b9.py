# Background areas fully enclosed by the lines become red (2); all other background becomes green (3).
def solve(I):
    enclosed_red = fill_enclosed(I, 0, 2)
    O = replace_color(enclosed_red, 0, 3)
    return O
