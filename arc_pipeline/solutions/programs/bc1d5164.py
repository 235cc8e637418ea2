# Fold the 5x7 grid into 3x3: overlay its four corner 3x3 windows (they share the middle row).
def solve(I):
    bg = most_common_color(I)
    top_left = crop(I, 0, 0, 3, 3)
    top_right = crop(I, 0, 4, 3, 3)
    bottom_left = crop(I, 2, 0, 3, 3)
    bottom_right = crop(I, 2, 4, 3, 3)
    O = overlay(overlay(overlay(top_left, top_right, bg), bottom_left, bg), bottom_right, bg)
    return O
