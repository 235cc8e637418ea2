# Output the single coloured shape cropped to its bounding box.
def solve(I):
    bg = most_common_color(I)
    O = crop_to_content(I, bg)
    return O
