# Among scattered noise, one colour appears only in pairs on opposite edges of the grid. Join each
# such pair with a full straight line of that colour across the grid, and erase everything else.
def solve(I):
    bg = most_common_color(I)
    line_color = least_common_color(I)
    ends = cells_of_color(I, line_color)
    left_ends = keep_if(ends, chain(last, fix_first(equals, 0)))
    top_ends = keep_if(ends, chain(first, fix_first(equals, 0)))
    line_cells = union(row_cells_through(I, left_ends), column_cells_through(I, top_ends))
    blank = make_grid(bg, height(I), width(I))
    O = set_cells(blank, line_cells, line_color)
    return O
