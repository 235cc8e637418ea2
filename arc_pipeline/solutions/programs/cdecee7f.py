# Read the scattered coloured cells from left to right (by column) and write their colours
# into a 3x3 grid in snake order: first row left-to-right, second right-to-left, third
# left-to-right; unused cells stay background.
# orientation-semantic: the dots are read left to right and written in snake order from the top-left.
def solve(I):
    bg = most_common_color(I)
    dots = find_objects(I, True, False, bg)
    ordered = sort_by(dots, object_left)
    colors = pad_items(map_items(object_color, ordered), 9, bg)
    rowwise = reshape_grid(repeat_value(colors, 1), 3, 3)
    mirrored = flip_horizontal(rowwise)
    O = stack_vertical(pair(select_rows(rowwise, 0, 1), select_rows(mirrored, 1, 2)))
    O = stack_vertical((O, select_rows(rowwise, 2, 3)))
    return O
