# Mirror the grid across its main (top-left to bottom-right) diagonal of grey cells.
def solve(I):
    O = transpose(I)
    return O
