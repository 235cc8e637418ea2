# The figure should have four-fold rotational symmetry inside a square whose right edge and
# height match the figure; the part missing on the left is completed from the quarter-turn copies
# and drawn in red.
# colour-semantic: keep 2: the completed part is drawn red
# orientation-semantic: only flip_vertical: the missing part is always on the left of the figure
def solve(I):
    bg = most_common_color(I)
    figure = first(find_objects(I, True, True, bg))
    side = object_height(figure)
    left = add(subtract(object_right(figure), side), 1)
    square = crop(I, object_top(figure), left, side, side)
    turned = overlay_all((rotate_90(square), rotate_180(square), rotate_270(square)), bg)
    completed = overlay(keep_only_color(turned, bg, 2), square, bg)
    placed = shift_object(grid_to_object(completed, bg), object_top(figure), left)
    O = paint_object(I, placed)
    return O
