# The picture is symmetric under left-right and top-bottom mirroring; a green (3) block hides
# part of it. Output what is hidden under the green block, recovered from the mirror images.
def solve(I):
    hidden = cells_of_color(I, 3)
    cleared = replace_color(I, 3, 0)
    mirrors = pair(pair(cleared, flip_horizontal(cleared)), pair(flip_vertical(cleared), rotate_180(cleared)))
    restored = overlay_all(reverse_items(flatten(mirrors)), 0)
    O = crop_to_object(restored, cells_to_object(hidden, 3))
    return O
