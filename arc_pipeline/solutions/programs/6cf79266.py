# Find 3x3 blocks made entirely of black (0) cells in the noisy grid and fill them with blue (1).
# Blocks are taken one at a time in reading order, so a block overlapping one already filled is skipped.
# colour-semantic: keep 0,1: the 3x3 blocks to find are black (0) and are filled with blue (1)
# orientation-semantic: only rotate_90,flip_horizontal,transpose: blocks are taken in reading order, so which of two overlapping blocks is filled depends on orientation
def solve(I):
    black_mask = fork(fix_last(combine_nor, 1), identity, identity)
    find_corners = fix_last(fix_last(fix_last(full_window_corners, 0), 3), 3)
    black_corners = chain(black_mask, find_corners)
    corner_to_block = chain(fork(pair, identity, fix_second(add, pair(2, 2))), bbox_of_cells)
    first_block = chain(black_corners, chain(first, corner_to_block))
    fill_first = fork(fix_last(set_cells, 1), identity, first_block)
    any_left = chain(black_corners, chain(count, fix_first(less_than, 0)))
    step = apply_if(any_left, fill_first)
    O = repeat_apply(step, I, 40)
    return O
