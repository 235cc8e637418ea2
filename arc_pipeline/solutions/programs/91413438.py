# Let n be the number of coloured cells in the 3x3 pattern and m = 9 - n. The output is an
# m x m arrangement of 3x3 blocks: the first n blocks in reading order are copies of the
# pattern, the rest are empty.
# colour-semantic: keep 0: black is the background; the 3x3 pattern often has more coloured cells than black (pairs 0, 2), so nothing in the input tells background from pattern colour
# orientation-semantic: the copies fill the blocks in reading order (left to right along the top row first)
def solve(I):
    n = count(cells_not_of_color(I, 0))
    m = subtract(9, n)
    filled = repeat_value(repeat_value(1, n), 1)
    empty = repeat_value(repeat_value(0, subtract(multiply(m, m), n)), 1)
    block_mask = reshape_grid(concat_horizontal(filled, empty), m, m)
    O = keep_where(tile(I, m, m), upscale(block_mask, 3), 0)
    return O
