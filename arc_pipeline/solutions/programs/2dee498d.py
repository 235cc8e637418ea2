# The input is the same square pattern repeated three times side by side; output one copy.
def solve(I):
    O = first(split_columns(I, 3))
    return O
