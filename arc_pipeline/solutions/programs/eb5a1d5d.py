# Nested rectangles of different colours are shrunk so each layer is one cell thick and the
# innermost is a single cell: collapse repeated rows and repeated columns.
def solve(I):
    O = dedupe_columns(dedupe_rows(I))
    return O
