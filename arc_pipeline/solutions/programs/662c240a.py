# The input stacks three 3x3 squares; output the one that is not symmetric about its main diagonal.
def solve(I):
    squares = split_rows(I, 3)
    symmetric = fork(equals, identity, transpose)
    O = first(drop_if(squares, symmetric))
    return O
