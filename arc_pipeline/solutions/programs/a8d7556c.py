# Repeatedly take the largest empty (black) rectangle that is at least 2x2 and paint it red, until no
# empty rectangle of at least 2x2 is left; leftover black cells stay black.
def solve(I):
    biggest_gap = fix_last(fix_last(largest_rectangle_of_color, 2), 0)
    fill_biggest = fork(fix_last(set_cells, 2), identity, biggest_gap)
    O = repeat_apply(fill_biggest, I, 64)
    return O
