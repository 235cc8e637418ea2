# Two crossing lines split the grid into four quadrants; output the quadrant that holds the single
# odd-coloured cell.
def solve(I):
    line_color = cell_color(I, floor_divide(height(I), 2), floor_divide(width(I), 2))
    quadrants = split_by_lines(I, line_color)
    O = first(keep_if(quadrants, chain(count_colors, fix_first(equals, 2))))
    return O
