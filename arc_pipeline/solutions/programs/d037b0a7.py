# Every coloured cell drips straight down: its colour fills the background cells below it until
# another coloured cell or the bottom edge.
# orientation-semantic: only flip_horizontal: the colours drip downward.
def solve(I):
    bg = most_common_color(I)
    shift_down = fix_last(fix_last(fix_last(shift_grid, bg), 0), 1)
    drip_once = fork(fix_last(overlay, bg), shift_down, identity)
    O = repeat_apply(drip_once, I, height(I))
    return O
