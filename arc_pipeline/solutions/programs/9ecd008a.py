# The picture is left-right and top-bottom symmetric, but a square patch is blanked out (black).
# Output the missing patch, recovered from the mirror-image parts of the picture.
def solve(I):
    mended_lr = overlay(flip_horizontal(I), I, 0)
    mended = overlay(flip_vertical(mended_lr), mended_lr, 0)
    hole = cells_to_object(cells_of_color(I, 0), 0)
    O = crop_to_object(mended, hole)
    return O
