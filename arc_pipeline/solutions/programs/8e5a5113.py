# Three 3x3 panels are separated by grey columns; only the first is filled. Fill the second with
# the first panel turned a quarter turn clockwise and the third with it turned a half turn.
# orientation-semantic: the panels are read left to right and the copies are turned clockwise
def solve(I):
    panel = crop(I, 0, 0, 3, 3)
    divider = crop(I, 0, 3, 3, 1)
    left = concat_horizontal(concat_horizontal(panel, divider), rotate_90(panel))
    O = concat_horizontal(concat_horizontal(left, divider), rotate_180(panel))
    return O
