# Every row and every column that is completely black (0) is painted red (2).
def solve(I):
    lines = full_line_cells(I, 0)
    O = set_cells(I, lines, 2)
    return O
