# Each red (2) cell of the 3x3 input places a copy of the whole input in the matching block
# of a 9x9 output; all other blocks stay black.
# colour-semantic: keep 0,2: the red (2) cells mark where copies go and the other blocks are black (0), though
# colour-semantic: black is not always the most common input colour.
def solve(I):
    marks = keep_only_color(I, 2, 0)
    blocks = upscale(marks, 3)
    copies = tile(I, 3, 3)
    O = keep_where(copies, blocks, 0)
    return O
