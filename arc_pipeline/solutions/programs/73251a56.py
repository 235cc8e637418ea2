# The picture is symmetric about its main diagonal, and near that diagonal its colours run in lines
# parallel to it. Fill each black (0) hole with the colour of its mirror cell across the diagonal;
# holes whose mirror is hidden too take the colour of their up-left diagonal neighbour.
# colour-semantic: keep 0: the holes to fill are black (0); the picture's colours are free
# orientation-semantic: only rotate_180,transpose,flip_antidiagonal: the picture's mirror axis is the main (top-left to bottom-right) diagonal
def solve(I):
    mirrored = overlay(I, transpose(I), 0)
    shift_down_right = fix_last(fix_last(fix_last(shift_grid, 0), 1), 1)
    fill_from_up_left = fork(fix_last(overlay, 0), shift_down_right, identity)
    O = repeat_apply(fill_from_up_left, mirrored, 10)
    return O
