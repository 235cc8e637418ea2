# Repeatedly take the largest empty rectangle (of the rarer of the two colours) that is at least 2x2
# and paint it red, until no empty rectangle of at least 2x2 is left; leftover empty cells stay.
# colour-semantic: keep 2: the rectangles are painted red, a colour the input does not use
def solve(I):
    empty = least_common_color(I)
    biggest_gap = fix_last(fix_last(largest_rectangle_of_color, 2), empty)
    fill_biggest = fork(fix_last(set_cells, 2), identity, biggest_gap)
    O = repeat_apply(fill_biggest, I, 64)
    return O
