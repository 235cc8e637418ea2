# A line of one colour (through the centre cell) splits two 4x3 panels; output green (3) where
# both panels are background, background elsewhere.
# colour-semantic: keep 3: the marked cells are always green, a colour the input does not hold.
def solve(I):
    bg = most_common_color(I)
    line = cell_color(I, floor_divide(height(I), 2), floor_divide(width(I), 2))
    panels = split_by_lines(I, line)
    both = overlay(first(panels), last(panels), bg)
    O = set_cells(make_grid(bg, height(both), width(both)), cells_of_color(both, bg), 3)
    return O
