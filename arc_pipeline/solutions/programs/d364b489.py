# Around every blue (1) cell paint four neighbours: red (2) above, orange (7) to the left,
# magenta (6) to the right and light blue (8) below.
# colour-semantic: keep 1,2,6,7,8: each side of a blue cell gets its own named colour.
# orientation-semantic: the four neighbours are told apart by direction (red above, orange left, magenta right, light blue below).
def solve(I):
    blues = cells_of_color(I, 1)
    above = shift_object(cells_to_object(blues, 2), -1, 0)
    left = shift_object(cells_to_object(blues, 7), 0, -1)
    right = shift_object(cells_to_object(blues, 6), 0, 1)
    below = shift_object(cells_to_object(blues, 8), 1, 0)
    O = paint_object(paint_object(paint_object(paint_object(I, above), left), right), below)
    return O
