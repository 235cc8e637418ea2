# Rows made of a single colour become grey; all other rows become black.
# colour-semantic: rows of a single colour become grey and all others black, whatever the input colours
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: rows, not columns, are tested
def solve(I):
    rows = split_rows(I, height(I))
    is_uniform = chain(count_colors, fix_first(equals, 1))
    to_color = chain(is_uniform, fix_last(fix_last(if_else, 0), 5))
    to_row = chain(to_color, fix_last(fix_last(make_grid, width(I)), 1))
    O = stack_vertical(map_items(to_row, rows))
    return O
