# The single object on the background is cut out to its bounding box and mirrored left-right.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the cut-out shape is mirrored left-right
def solve(I):
    bg = most_common_color(I)
    shape_box = crop_to_content(I, bg)
    O = flip_horizontal(shape_box)
    return O
