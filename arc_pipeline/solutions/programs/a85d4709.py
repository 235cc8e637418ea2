# Each row has one grey cell; the whole row becomes red if it is in the left column, yellow if in
# the middle column, and green if in the right column.
def solve(I):
    table = (((5, 0, 0), 2), ((0, 5, 0), 4), ((0, 0, 5), 3))
    colors = map_items(fix_first(lookup, table), I)
    O = transpose(repeat_value(colors, 3))
    return O
