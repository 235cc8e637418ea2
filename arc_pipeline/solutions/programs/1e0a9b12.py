# Gravity: every coloured cell falls to the bottom of its column, stacking in its original order.
def solve(I):
    bg = most_common_color(I)
    O = gravity_down(I, bg)
    return O
