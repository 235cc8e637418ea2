# A 2x2 block of four colours sits in the grid. Put a 2x2 square in each of its four diagonal
# corners, just outside the block; each square takes the colour of the block cell opposite to it.
def solve(I):
    bg = most_common_color(I)
    block = first(find_objects(I, False, False, bg))
    top = object_top(block)
    left = object_left(block)
    swapped = upscale(rotate_180(crop_to_object(I, block)), 2)
    gap_cols = make_grid(bg, 4, 2)
    spread_cols = concat_horizontal(concat_horizontal(left_half(swapped), gap_cols), right_half(swapped))
    gap_rows = make_grid(bg, 2, 6)
    corners = stack_vertical((top_half(spread_cols), gap_rows, bottom_half(spread_cols)))
    placed = shift_grid(corners, subtract(top, 2), subtract(left, 2), bg)
    O = overlay(placed, I, bg)
    return O
