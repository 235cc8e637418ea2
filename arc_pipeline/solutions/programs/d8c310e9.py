# A skyline pattern starts at the left edge and repeats column-wise; continue its repeating
# column cycle all the way to the right edge of the grid.
# orientation-semantic: only flip_vertical: the pattern starts at the left edge and continues to the right.
def solve(I):
    bg = most_common_color(I)
    pattern = select_columns(I, 0, width(crop_to_content(I, bg)))
    columns = transpose(pattern)
    extended = extend_rows_periodically(columns, width(I))
    O = transpose(extended)
    return O
