# Each blue cell drops to the bottom row of its column, replacing the grey there; where it was
# becomes black.
def solve(I):
    blues = cells_to_object(cells_of_color(I, 1), 1)
    dropped = move_object_to_row(blues, subtract(height(I), 1))
    O = paint_object(erase_object(I, blues, 0), dropped)
    return O
