# Move the azure shape down by one row and recolour it red.
def solve(I):
    O = shift_grid(replace_color(I, 8, 2), 1, 0, 0)
    return O
