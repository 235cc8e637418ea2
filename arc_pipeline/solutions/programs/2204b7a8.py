# Two opposite borders are solid lines of two colours; every loose cell takes the colour of the
# border line it is closer to.
def solve(I):
    dot = least_common_color(I)
    lines_are_rows = equals(cell_color(I, 0, 0), cell_color(I, 0, -1))
    G = if_else(lines_are_rows, transpose(I), I)
    near_left = replace_color(left_half(G), dot, cell_color(G, 0, 0))
    near_right = replace_color(right_half(G), dot, cell_color(G, 0, -1))
    recolored = concat_horizontal(near_left, near_right)
    O = if_else(lines_are_rows, transpose(recolored), recolored)
    return O
