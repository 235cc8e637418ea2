# Find the wide empty lanes through the noise: repeatedly take the largest empty rectangle (at least
# 3x3); it is a lane if it touches the grid edge. Colour green the lane cells whose eight neighbours
# all lie in lanes (or off the grid), i.e. the lanes shrunk by one cell away from the noise.
# colour-semantic: keep 3: the lanes are marked green, a colour the input does not use
def solve(I):
    bg = most_common_color(I)
    noise = least_common_color(I)
    border = object_border_cells(cells_to_object(all_cells(I), 0))
    biggest_gap = fix_last(fix_last(largest_rectangle_of_color, 3), bg)
    reaches_edge = chain(fix_first(intersection, border), chain(count, fix_second(greater_than, 0)))
    as_list = chain(biggest_gap, fix_second(repeat_value, 1))
    lane_cells = chain(as_list, chain(fix_second(keep_if, reaches_edge), merge))
    other_cells = chain(as_list, chain(fix_second(drop_if, reaches_edge), merge))
    mark_lane = fork(fix_last(set_cells, 3), identity, lane_cells)
    mark_other = fork(fix_last(set_cells, noise), identity, other_cells)
    marked = repeat_apply(chain(mark_lane, mark_other), I, 6)
    lanes = keep_only_color(marked, 3, 0)
    and3 = fix_last(combine_and, 3)
    tall = and3(and3(lanes, shift_grid(lanes, 1, 0, 3)), shift_grid(lanes, -1, 0, 3))
    core = and3(and3(tall, shift_grid(tall, 0, 1, 3)), shift_grid(tall, 0, -1, 3))
    O = overlay(I, core, 0)
    return O
