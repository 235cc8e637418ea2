# The grid is split into bands of colour (ragged edges). List the band colours in order:
# as one row when the bands run left to right, as one column when they run top to bottom.
def solve(I):
    top_row = select_rows(I, 0, 1)
    left_col = select_columns(I, 0, 1)
    side_by_side = greater_than(count_colors(top_row), 1)
    O = if_else(side_by_side, dedupe_columns(top_row), dedupe_rows(left_col))
    return O
