# Put the 3x3 input in the top-left corner of a 6x6 grid of the background colour, then every coloured cell
# slides diagonally down-right, leaving a trail of its colour to the edge.
# orientation-semantic: only transpose: the input sits in the top-left corner and the trails run down-right.
def solve(I):
    bg = most_common_color(I)
    wide = concat_horizontal(I, make_grid(bg, 3, 3))
    canvas = stack_vertical((wide, make_grid(bg, 3, 6)))
    shift_diagonal = fix_last(fix_last(fix_last(shift_grid, bg), 1), 1)
    trail_once = fork(fix_last(overlay, bg), shift_diagonal, identity)
    O = repeat_apply(trail_once, canvas, 6)
    return O
