# The 1x5 input row is drawn along the bottom of an N x N square (N = 5 x number of coloured,
# i.e. non-background, cells) and every colour streaks diagonally up and to the right to the edge.
# The background is the row's most common colour; when no colour repeats, black (0).
# colour-semantic: keep 0: a row of five different colours with one empty cell does not show which is the background; black is the empty colour then
# orientation-semantic: the row is laid along the bottom edge and its colours streak up and to the right; a mirrored or turned row means a different picture
def solve(I):
    bg = most_common_color(I)
    n = multiply(5, subtract(5, color_count(I, bg)))
    bottom = concat_horizontal(I, make_grid(bg, 1, subtract(n, 5)))
    canvas = stack_vertical((make_grid(bg, subtract(n, 1), n), bottom))
    shift_up_right = fix_last(fix_last(fix_last(shift_grid, bg), 1), -1)
    streak_once = fork(fix_last(overlay, bg), shift_up_right, identity)
    O = repeat_apply(streak_once, canvas, n)
    return O
