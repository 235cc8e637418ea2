# Full lines (the second most common colour) split the grid into 3x3 rooms. Each room becomes one
# output cell: blue (1) when the room holds two cells of the dot colour (the rarest colour),
# background otherwise.
# colour-semantic: keep 1: rooms with two dots are marked blue, a colour the input never shows
def solve(I):
    bg = most_common_color(I)
    line_color = nth(colors_by_frequency(I), 1)
    dot_color = least_common_color(I)
    rooms = split_by_lines(I, line_color)
    two_dots = chain(fix_second(color_count, dot_color), fix_second(equals, 2))
    marks = map_items(chain(two_dots, fix_last(fix_at(if_else, 1, 1), bg)), rooms)
    O = reshape_grid(repeat_value(marks, 1), 3, 3)
    return O
