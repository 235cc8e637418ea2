# From the light-blue (8) cell, draw a grey (5) staircase in both directions: going up, two
# cells up then two right, repeated to the edge; going down, two cells down then two left.
# colour-semantic: keep 5,8: the rule names the colours: a grey staircase grows from the light-blue cell.
# orientation-semantic: only rotate_180: the staircase climbs up-right (vertical steps first) and descends down-left.
def solve(I):
    seed = cells_to_object(cells_of_color(I, 8), 5)
    up_step = shift_copies(seed, ((-1, 0), (-2, 0), (-2, 1), (-2, 2)))
    down_step = shift_copies(seed, ((1, 0), (2, 0), (2, -1), (2, -2)))
    up = smear_object(up_step, (-2, 2), 15)
    down = smear_object(down_step, (2, -2), 15)
    O = paint_object(paint_object(I, up), down)
    return O
