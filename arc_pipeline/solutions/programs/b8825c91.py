# The picture is symmetric left-right and top-bottom, but some patches are covered with one colour
# (the colour that breaks both symmetries most). Replace the covered cells with the colours seen at
# their mirror positions.
def solve(I):
    lr_broken = difference(all_cells(I), grid_indices_where_equal(I, flip_horizontal(I)))
    tb_broken = difference(all_cells(I), grid_indices_where_equal(I, flip_vertical(I)))
    cover = object_color(grid_cells_to_object(I, intersection(lr_broken, tb_broken)))
    holes = replace_color(I, cover, 10)
    mended_lr = overlay(flip_horizontal(holes), holes, 10)
    O = overlay(flip_vertical(mended_lr), mended_lr, 10)
    return O
