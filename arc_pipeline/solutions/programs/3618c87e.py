# Each cell of the rarest colour drops to the bottom row of its column, replacing the base there;
# where it was becomes background.
# orientation-semantic: only flip_horizontal: the cells drop to the bottom row
def solve(I):
    bg = most_common_color(I)
    mover = least_common_color(I)
    blues = cells_to_object(cells_of_color(I, mover), mover)
    dropped = move_object_to_row(blues, subtract(height(I), 1))
    O = paint_object(erase_object(I, blues, bg), dropped)
    return O
