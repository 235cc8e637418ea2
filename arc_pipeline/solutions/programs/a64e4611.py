# Colour green every empty cell that is at least one cell away from all noise (its whole 3x3
# neighbourhood is empty) and from which a 3-cell-wide empty corridor runs straight to a grid edge
# (left, right, up or down); keep the largest connected group of such cells. This draws the wide
# empty lanes through the noise, shrunk by one cell away from the noise.
def solve(I):
    empty = map_colors(recolor_non_background(I, 0, 5), ((0, 1), (5, 0)))
    and1 = fix_last(combine_and, 1)
    col3 = and1(and1(empty, shift_grid(empty, 1, 0, 1)), shift_grid(empty, -1, 0, 1))
    row3 = and1(and1(empty, shift_grid(empty, 0, 1, 1)), shift_grid(empty, 0, -1, 1))
    clear = and1(and1(col3, shift_grid(col3, 0, 1, 1)), shift_grid(col3, 0, -1, 1))
    step_right = fork(and1, identity, fix_last(fix_last(fix_last(shift_grid, 1), -1), 0))
    step_left = fork(and1, identity, fix_last(fix_last(fix_last(shift_grid, 1), 1), 0))
    step_down = fork(and1, identity, fix_last(fix_last(fix_last(shift_grid, 1), 0), -1))
    step_up = fork(and1, identity, fix_last(fix_last(fix_last(shift_grid, 1), 0), 1))
    open_right = repeat_apply(step_right, col3, 30)
    open_left = repeat_apply(step_left, col3, 30)
    open_down = repeat_apply(step_down, row3, 30)
    open_up = repeat_apply(step_up, row3, 30)
    or1 = fix_last(combine_or, 1)
    any_open = or1(or1(open_right, open_left), or1(open_down, open_up))
    candidates = combine_and(clear, any_open, 3)
    lanes = largest_object(find_objects(candidates, True, False, 0))
    O = paint_object(I, lanes)
    return O
