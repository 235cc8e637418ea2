# The horizontal bars are stacked into a staircase: rows are ordered by bar length (shortest
# on top, background rows above them) and every bar is pushed against the right edge.
# orientation-semantic: the bars are rows pushed against the right edge and stacked with the longest at the bottom
def solve(I):
    bg = most_common_color(I)
    is_filled = fix_first(not_equal, bg)
    row_length = fix_second(count_if, is_filled)
    ordered = sort_by(I, row_length)
    O = transpose(gravity_down(transpose(ordered), bg))
    return O
