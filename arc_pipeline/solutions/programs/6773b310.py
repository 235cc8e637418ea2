# Azure (8) lines split the grid into 3x3 rooms. Each room becomes one output cell: blue (1)
# when the room holds two magenta (6) cells, black otherwise.
def solve(I):
    rooms = split_by_lines(I, 8)
    two_magenta = chain(fix_second(color_count, 6), fix_second(equals, 2))
    marks = map_items(chain(two_magenta, fix_last(fix_at(if_else, 1, 1), 0)), rooms)
    O = reshape_grid(repeat_value(marks, 1), 3, 3)
    return O
