# The bottom half holds a picture and the top half is empty; mirror the picture upward so the
# grid becomes symmetric top to bottom.
# orientation-semantic: only flip_horizontal: the picture sits in the bottom half and is mirrored upward.
def solve(I):
    bg = most_common_color(I)
    O = overlay(I, flip_vertical(I), bg)
    return O
