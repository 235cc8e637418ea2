# A line of one colour (through the centre cell) separates two 4x4 masks; a cell is green (3)
# where either mask is coloured, otherwise background.
# colour-semantic: keep 3: the marked cells are always green, a colour the input does not hold.
def solve(I):
    bg = most_common_color(I)
    line = cell_color(I, floor_divide(height(I), 2), floor_divide(width(I), 2))
    halves = split_by_lines(I, line)
    both = overlay(first(halves), last(halves), bg)
    O = set_cells(make_grid(bg, height(both), width(both)), cells_not_of_color(both, bg), 3)
    return O
