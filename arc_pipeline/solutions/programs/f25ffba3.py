# The bottom half holds a picture and the top half is empty; mirror the picture upward so the
# grid becomes symmetric top to bottom.
def solve(I):
    O = overlay(I, flip_vertical(I), 0)
    return O
