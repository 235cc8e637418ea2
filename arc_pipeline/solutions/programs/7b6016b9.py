# Background (most common colour) areas fully enclosed by the lines become red (2); all other
# background becomes green (3); the lines stay.
# colour-semantic: keep 2,3: the rule names the fills, red inside the loops and green outside
def solve(I):
    bg = most_common_color(I)
    enclosed_red = fill_enclosed(I, bg, 2)
    O = replace_color(enclosed_red, bg, 3)
    return O
