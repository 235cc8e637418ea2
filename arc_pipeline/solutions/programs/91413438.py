# Let n be the number of coloured cells in the 3x3 pattern and m = 9 - n. The output is an
# m x m arrangement of 3x3 blocks: the first n blocks in reading order are copies of the
# pattern, the rest are empty.
def solve(I):
    n = count(cells_not_of_color(I, 0))
    m = subtract(9, n)
    filled = repeat_value(repeat_value(1, n), 1)
    empty = repeat_value(repeat_value(0, subtract(multiply(m, m), n)), 1)
    block_mask = reshape_grid(concat_horizontal(filled, empty), m, m)
    O = keep_where(tile(I, m, m), upscale(block_mask, 3), 0)
    return O
