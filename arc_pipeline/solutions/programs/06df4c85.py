# Grid lines divide the picture into 2x2 cells, some coloured. Any two cells of the same colour in
# the same row or column of cells are joined by colouring all empty cells between them.
def solve(I):
    bg = cell_color(I, 0, 0)
    line_color = cell_color(I, 2, 0)
    cells = downscale(replace_color(I, line_color, bg), 3)
    across = fill_row_spans(cells, bg)
    down = transpose(fill_row_spans(transpose(cells), bg))
    joined = overlay(across, down, bg)
    enlarged = crop(upscale(joined, 3), 0, 0, height(I), width(I))
    O = overlay(enlarged, keep_only_color(I, line_color, bg), bg)
    return O
