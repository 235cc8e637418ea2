# Each row has one marked cell; the whole row becomes red if it is in the left column, yellow if in
# the middle column, and green if in the right column.
# colour-semantic: keep 2,3,4: the column of the mark names the colour: left red, middle yellow, right green
# orientation-semantic: each row is read by its left, middle and right columns
def solve(I):
    bg = most_common_color(I)
    mark = least_common_color(I)
    table = (((mark, bg, bg), 2), ((bg, mark, bg), 4), ((bg, bg, mark), 3))
    colors = map_items(fix_first(lookup, table), I)
    O = transpose(repeat_value(colors, 3))
    return O
