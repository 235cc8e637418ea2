# The pattern is symmetric about its main diagonal (top-left to bottom-right). Fill each black (0)
# hole with the colour of its mirror cell across that diagonal; holes on the diagonal itself take
# the diagonal's colour.
def solve(I):
    mirrored = overlay(I, transpose(I), 0)
    diagonal_color = cell_color(mirrored, 0, 0)
    O = replace_color(mirrored, 0, diagonal_color)
    return O
