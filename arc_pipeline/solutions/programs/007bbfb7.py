# Each coloured cell of the square input places a copy of the whole input in the matching
# block of an output whose side is the input's side squared; empty (black) cells leave their
# block empty.
# colour-semantic: keep 0: black marks the empty cells; with two colours in a 3x3 input nothing else says which colour is empty
def solve(I):
    blocks = upscale_rows_cols(I, height(I), width(I))
    copies = tile(I, height(I), width(I))
    O = keep_where(copies, blocks, 0)
    return O
