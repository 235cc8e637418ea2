# The picture is left-right and top-bottom symmetric, but a square patch is blanked out in one
# colour. Output the missing patch, recovered from the mirror-image parts of the picture.
def solve(I):
    lr_broken = difference(all_cells(I), grid_indices_where_equal(I, flip_horizontal(I)))
    tb_broken = difference(all_cells(I), grid_indices_where_equal(I, flip_vertical(I)))
    blank = object_color(grid_cells_to_object(I, intersection(lr_broken, tb_broken)))
    mended_lr = overlay(flip_horizontal(I), I, blank)
    mended = overlay(flip_vertical(mended_lr), mended_lr, blank)
    hole = cells_to_object(cells_of_color(I, blank), blank)
    O = crop_to_object(mended, hole)
    return O
