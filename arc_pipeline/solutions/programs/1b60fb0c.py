# The blue figure should have four-fold rotational symmetry inside a square whose right edge and
# height match the figure; the part missing on the left is completed from the quarter-turn copies
# and drawn in red.
def solve(I):
    figure = first(find_objects(I, True, True, 0))
    side = object_height(figure)
    left = add(subtract(object_right(figure), side), 1)
    square = crop(I, object_top(figure), left, side, side)
    turned = overlay_all((rotate_90(square), rotate_180(square), rotate_270(square)), 0)
    completed = overlay(keep_only_color(turned, 0, 2), square, 0)
    placed = shift_object(grid_to_object(completed, 0), object_top(figure), left)
    O = paint_object(I, placed)
    return O
