# The pattern repeats downward; continue it until the grid is 10 rows tall (10x10 output).
def solve(I):
    O = extend_rows_periodically(I, 10)
    return O
