# The output is the input mirrored along its main diagonal (rows become columns).
def solve(I):
    O = transpose(I)
    return O
