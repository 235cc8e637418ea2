# Red segments below the blue shape slide straight up their columns until they meet the blue
# shape, filling the gaps in it.
# orientation-semantic: only flip_horizontal: the segments slide up
def solve(I):
    bg = most_common_color(I)
    O = flip_vertical(gravity_down(flip_vertical(I), bg))
    return O
