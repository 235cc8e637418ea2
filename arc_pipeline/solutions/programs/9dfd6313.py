# Mirror the grid across its main (top-left to bottom-right) diagonal of grey cells.
# orientation-semantic: only rotate_180,transpose,flip_antidiagonal: the mirror axis is the top-left to bottom-right diagonal
def solve(I):
    O = transpose(I)
    return O
