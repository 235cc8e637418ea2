# Two grey vertical bars capped with azure cells at both ends mark a rectangle; output that
# rectangle from the top caps to the bottom caps.
# colour-semantic: keep 5: the grey bars mark the sides of the rectangle
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the bars are vertical
def solve(I):
    bars = cells_to_object(cells_of_color(I, 5), 5)
    O = crop(I, subtract(object_top(bars), 1), object_left(bars), add(object_height(bars), 2), object_width(bars))
    return O
