# Count the colours in the 3x3 input. One colour: grey (5) top row. Two colours: grey main diagonal
# (top-left to bottom-right). Three colours: grey anti-diagonal (top-right to bottom-left).
# colour-semantic: keep 0,5: the output is always grey (5) cells on black (0), whatever the input colours
# orientation-semantic: the colour count selects a fixed line: top row, main diagonal or anti-diagonal
def solve(I):
    n_colors = count_colors(I)
    top_row = ((5, 5, 5), (0, 0, 0), (0, 0, 0))
    diagonal = ((5, 0, 0), (0, 5, 0), (0, 0, 5))
    anti_diagonal = ((0, 0, 5), (0, 5, 0), (5, 0, 0))
    O = lookup(((1, top_row), (2, diagonal), (3, anti_diagonal)), n_colors)
    return O
