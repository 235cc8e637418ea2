# Every background region fully enclosed by walls (unable to reach the grid edge) is filled yellow.
# colour-semantic: keep 4: the enclosed regions are filled yellow, a colour the input does not hold
def solve(I):
    bg = most_common_color(I)
    O = fill_enclosed(I, bg, 4)
    return O
