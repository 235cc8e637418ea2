# A grey column splits the grid; fold the right side over onto the left side (mirrored) and
# output the combined left side.
# orientation-semantic: only flip_vertical: the right side is folded onto the left.
def solve(I):
    bg = most_common_color(I)
    sides = split_columns(I, 2)
    O = overlay(first(sides), flip_horizontal(last(sides)), bg)
    return O
