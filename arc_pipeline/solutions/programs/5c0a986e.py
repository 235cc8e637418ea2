# The blue (1) 2x2 square shoots a blue diagonal ray up-left from its top-left corner; the red (2)
# 2x2 square shoots a red diagonal ray down-right from its bottom-right corner.
# colour-semantic: keep 1,2: blue (1) shoots up-left and red (2) shoots down-right
# orientation-semantic: blue's ray goes up-left and red's down-right
def solve(I):
    blue = cells_to_object(cells_of_color(I, 1), 1)
    red = cells_to_object(cells_of_color(I, 2), 2)
    with_blue = draw_ray(I, object_top(blue), object_left(blue), -1, -1, 1)
    O = draw_ray(with_blue, object_bottom(red), object_right(red), 1, 1, 2)
    return O
