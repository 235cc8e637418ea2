# Move the shape down by one row and recolour it red.
# colour-semantic: keep 2: the moved shape becomes red, whatever its colour
# orientation-semantic: the shape moves down
def solve(I):
    bg = most_common_color(I)
    O = shift_grid(replace_color(I, least_common_color(I), 2), 1, 0, bg)
    return O
