# Gravity: every coloured cell falls to the bottom of its column, stacking in its original order.
# orientation-semantic: only flip_horizontal: gravity pulls the cells down
def solve(I):
    bg = most_common_color(I)
    O = gravity_down(I, bg)
    return O
