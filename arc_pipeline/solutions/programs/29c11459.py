# A row with a coloured cell at each end: the left colour fills the left half of the row, the right
# colour the right half, and the middle cell becomes grey.
# colour-semantic: keep 5: the middle cell is painted grey
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the coloured cells sit at the two ends of a row
def solve(I):
    bg = most_common_color(I)
    half = floor_divide(width(I), 2)
    left_edge = select_columns(I, 0, 1)
    right_edge = select_columns(I, -1, width(I))
    left_part = upscale_rows_cols(left_edge, 1, half)
    right_part = upscale_rows_cols(right_edge, 1, half)
    middle = keep_only_color(left_edge, bg, 5)
    O = stack_horizontal((left_part, middle, right_part))
    return O
