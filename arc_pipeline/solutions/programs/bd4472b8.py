# Below the colour row and the grey divider, fill each row with one colour, taking the colours of
# the first row in order and repeating the sequence to the bottom.
# orientation-semantic: the colour row is the top row and its colours fill the rows below it, top to bottom
def solve(I):
    w = width(I)
    header = select_rows(I, 0, 2)
    bands = upscale_rows_cols(transpose(select_rows(I, 0, 1)), 1, w)
    body = extend_rows_periodically(bands, subtract(height(I), 2))
    O = stack_vertical((header, body))
    return O
