# The rows hold a horizontally repeating pattern; double the grid's width, continuing the
# pattern's repetition into the new columns.
# orientation-semantic: only flip_vertical: the grid grows to the right, continuing the pattern rightward from its first column
def solve(I):
    columns = transpose(I)
    extended = extend_rows_periodically(columns, multiply(width(I), 2))
    O = transpose(extended)
    return O
