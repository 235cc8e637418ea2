# The horizontal bars are stacked into a staircase: rows are ordered by bar length (shortest
# on top, empty rows above them) and every bar is pushed against the right edge.
def solve(I):
    is_filled = fix_first(not_equal, 0)
    row_length = fix_second(count_if, is_filled)
    ordered = sort_by(I, row_length)
    O = transpose(gravity_down(transpose(ordered), 0))
    return O
