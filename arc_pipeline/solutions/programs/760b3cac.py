# The lower shape's top cell points left or right; the pattern above it is mirrored
# to that side, its reflection placed right next to it across its own edge.
# orientation-semantic: only flip_horizontal: the pattern to mirror sits above the pointing shape
def solve(I):
    bg = most_common_color(I)
    azure_block = crop(I, 0, 3, 3, 3)
    reflection = grid_to_object(flip_horizontal(azure_block), bg)
    points_left = not_equal(cell_color(I, 3, 3), bg)
    target_col = if_else(points_left, 0, 6)
    placed = shift_object(reflection, 0, target_col)
    O = paint_object(I, placed)
    return O
