# Every row and every column that is completely black is painted red.
# colour-semantic: keep 2: the empty lines become red, a colour the input does not use
# colour-semantic: keep 0: the empty lines are black; the noise outnumbers black, so frequency cannot name it
def solve(I):
    lines = full_line_cells(I, 0)
    O = set_cells(I, lines, 2)
    return O
