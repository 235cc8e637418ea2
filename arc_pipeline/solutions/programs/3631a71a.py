# The picture is symmetric (mirror top-bottom and left-right about the centre of rows/columns 2-29,
# and across the main diagonal); maroon patches hide parts of it. Restore each hidden cell from its
# mirror images.
# colour-semantic: keep 9: maroon patches mark the hidden cells
# orientation-semantic: only transpose: the symmetry centre is offset two rows and two columns from the top-left corner
def solve(I):
    down_mirror = shift_grid(flip_vertical(I), 2, 0, 9)
    step1 = overlay(down_mirror, I, 9)
    side_mirror = shift_grid(flip_horizontal(step1), 0, 2, 9)
    step2 = overlay(side_mirror, step1, 9)
    step3 = overlay(transpose(step2), step2, 9)
    step4 = overlay(shift_grid(flip_vertical(step3), 2, 0, 9), step3, 9)
    O = overlay(shift_grid(flip_horizontal(step4), 0, 2, 9), step4, 9)
    return O
