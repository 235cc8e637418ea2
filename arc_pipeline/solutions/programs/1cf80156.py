# Output the single coloured shape cropped to its bounding box.
def solve(I):
    O = crop_to_content(I, 0)
    return O
