# Cut out the yellow shape (its bounding box) and scale it up by two.
def solve(I):
    bg = most_common_color(I)
    O = upscale(crop_to_content(I, bg), 2)
    return O
