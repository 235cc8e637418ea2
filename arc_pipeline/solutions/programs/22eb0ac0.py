# Each row has a coloured cell at both ends; when the two ends share a colour, the whole row
# between them is filled with it.
def solve(I):
    O = fill_row_spans(I, 0)
    return O
