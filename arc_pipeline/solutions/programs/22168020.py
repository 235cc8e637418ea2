# Each diagonal V-shape is filled in: in every row, the gap between two cells of the same
# colour is filled with that colour.
def solve(I):
    O = fill_row_spans(I, 0)
    return O
