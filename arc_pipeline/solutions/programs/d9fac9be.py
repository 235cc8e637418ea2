# Among scattered dots there is one 3x3 ring of one colour around a centre cell of the other
# colour (the only fully coloured 3x3 window); output that centre colour as a 1x1 grid.
def solve(I):
    bg = most_common_color(I)
    corner = first(full_window_corners(I, 3, 3, bg))
    center = add(corner, (1, 1))
    O = make_grid(cell_color(I, first(center), last(center)), 1, 1)
    return O
