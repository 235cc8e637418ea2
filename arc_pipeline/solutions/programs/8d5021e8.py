# Widen the input by placing its left-right mirror image to its left; then stack three copies
# of that block vertically, the top and bottom copies flipped upside down.
# orientation-semantic: only flip_vertical: the mirror image goes to the left of the input and the copies are stacked top to bottom
def solve(I):
    wide = concat_horizontal(flip_horizontal(I), I)
    flipped = flip_vertical(wide)
    O = stack_vertical((flipped, wide, flipped))
    return O
