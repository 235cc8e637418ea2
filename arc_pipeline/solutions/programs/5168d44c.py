# A red (2) 3x3 frame sits on a dotted green (3) line whose dots are two cells apart. Move the
# frame two cells forward along the line (right for a horizontal line, down for a vertical one).
# colour-semantic: keep 2,3: the red (2) frame moves along the green (3) dotted line
# orientation-semantic: only transpose: the frame moves right along a horizontal line and down along a vertical one
def solve(I):
    bg = most_common_color(I)
    dots = cells_to_object(cells_of_color(I, 3), 3)
    horizontal = equals(object_height(dots), 1)
    step = if_else(horizontal, (0, 2), (2, 0))
    frame = cells_to_object(cells_of_color(I, 2), 2)
    moved = shift_object(frame, first(step), last(step))
    cleared = replace_color(I, 2, bg)
    O = paint_object(cleared, moved)
    return O
