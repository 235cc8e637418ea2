# Gravity: every coloured cell falls to the bottom of its column, stacking in its original order.
def solve(I):
    O = gravity_down(I, 0)
    return O
