# The coloured rows at the top are mirrored onto the bottom of the grid (top-bottom reflection),
# keeping the original rows.
def solve(I):
    mirrored = flip_vertical(I)
    O = overlay(I, mirrored, 0)
    return O
