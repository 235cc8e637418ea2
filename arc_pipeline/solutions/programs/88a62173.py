# The input holds four 2x2 patterns separated by an empty row and column; three are identical.
# Output the one pattern that differs from the others.
def solve(I):
    bg = most_common_color(I)
    parts = split_by_lines(I, bg)
    O = least_common_item(parts)
    return O
