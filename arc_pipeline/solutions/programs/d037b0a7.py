# Every coloured cell drips straight down: its colour fills the black cells below it until
# another coloured cell or the bottom edge.
def solve(I):
    shift_down = fix_last(fix_last(fix_last(shift_grid, 0), 0), 1)
    drip_once = fork(fix_last(overlay, 0), shift_down, identity)
    O = repeat_apply(drip_once, I, height(I))
    return O
