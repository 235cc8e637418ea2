# Each small plus (centre colour, arm colour) grows: its arms extend to length two, and
# diagonal lines of the centre colour, also of length two, appear in all four diagonal directions.
def solve(I):
    centre_color = least_common_color(I)
    arm_color = nth(colors_by_frequency(I), 1)
    centres = cells_of_color(I, centre_color)
    arms = shift_copies(cells_to_object(centres, arm_color), ((0, 1), (0, 2), (0, -1), (0, -2), (1, 0), (2, 0), (-1, 0), (-2, 0)))
    diagonals = shift_copies(cells_to_object(centres, centre_color), ((1, 1), (2, 2), (1, -1), (2, -2), (-1, 1), (-2, 2), (-1, -1), (-2, -2)))
    O = paint_object(paint_object(I, arms), diagonals)
    return O
