# The grid is made of uniform stripes; collapse repeated neighbouring rows and columns
# so each stripe is represented by a single cell.
def solve(I):
    rows_collapsed = dedupe_rows(I)
    O = dedupe_columns(rows_collapsed)
    return O
