# The 1x5 input row is drawn along the bottom of an N x N square (N = 5 x number of coloured
# cells) and every colour streaks diagonally up and to the right to the edge.
def solve(I):
    n = multiply(5, subtract(5, color_count(I, 0)))
    bottom = concat_horizontal(I, make_grid(0, 1, subtract(n, 5)))
    canvas = stack_vertical((make_grid(0, subtract(n, 1), n), bottom))
    shift_up_right = fix_last(fix_last(fix_last(shift_grid, 0), 1), -1)
    streak_once = fork(fix_last(overlay, 0), shift_up_right, identity)
    O = repeat_apply(streak_once, canvas, n)
    return O
