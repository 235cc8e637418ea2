# The input lines up three equal squares (stacked, or side by side in a wide grid); output the one
# that is not symmetric about its main diagonal.
# orientation-semantic: only rotate_180,transpose,flip_antidiagonal: the symmetry axis is the main (top-left to bottom-right) diagonal
def solve(I):
    squares = if_else(greater_than(width(I), height(I)), split_columns(I, 3), split_rows(I, 3))
    symmetric = fork(equals, identity, transpose)
    O = first(drop_if(squares, symmetric))
    return O
