# The output is the input mirrored along its main diagonal (rows become columns).
# orientation-semantic: only rotate_180,transpose,flip_antidiagonal: the mirror axis is the main (top-left to bottom-right) diagonal
def solve(I):
    O = transpose(I)
    return O
