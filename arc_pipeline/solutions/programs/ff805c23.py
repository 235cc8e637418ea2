# The picture is symmetric under left-right and top-bottom mirroring; a blue (1) block hides
# part of it. Output what is hidden under the blue block, recovered from the mirror images.
def solve(I):
    hidden = cells_to_object(cells_of_color(I, 1), 1)
    mirrors = pair(pair(I, flip_horizontal(I)), pair(flip_vertical(I), rotate_180(I)))
    restored = overlay_all(reverse_items(flatten(mirrors)), 1)
    O = crop_to_object(restored, hidden)
    return O
