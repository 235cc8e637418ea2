# Crop the single shape to its bounding box and place two copies side by side.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the two copies are placed side by side
def solve(I):
    bg = most_common_color(I)
    O = tile(crop_to_content(I, bg), 1, 2)
    return O
