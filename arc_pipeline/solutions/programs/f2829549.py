# A blue column splits two 4x3 panels; output green (3) where both panels are black, black
# elsewhere.
def solve(I):
    panels = split_by_lines(I, 1)
    O = combine_nor(first(panels), last(panels), 3)
    return O
