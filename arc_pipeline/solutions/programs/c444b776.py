# Yellow lines split the grid into equal panels; only one panel holds a picture.
# Copy that picture into every panel, keeping the yellow lines.
def solve(I):
    panels = split_by_lines(I, 4)
    picture = overlay_all(panels, 0)
    rows = height(picture)
    cols = width(picture)
    with_column = concat_horizontal(picture, make_grid(4, rows, 1))
    unit = stack_vertical((with_column, make_grid(4, 1, add(cols, 1))))
    tiled = tile(unit, 3, 3)
    O = crop(tiled, 0, 0, height(I), width(I))
    return O
