# The coloured rows at the top are mirrored onto the bottom of the grid (top-bottom reflection),
# keeping the original rows.
def solve(I):
    bg = most_common_color(I)
    mirrored = flip_vertical(I)
    O = overlay(I, mirrored, bg)
    return O
