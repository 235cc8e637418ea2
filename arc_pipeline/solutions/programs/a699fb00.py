# Wherever two blue cells in a row are separated by exactly one empty cell, that cell turns red.
def solve(I):
    from_left = shift_grid(I, 0, 1, 0)
    from_right = shift_grid(I, 0, -1, 0)
    between = combine_and(from_left, from_right, 2)
    O = overlay(between, I, 0)
    return O
