# The 3x3 input has a 2x2 block (one cell, toward the centre, in a second colour) in one corner. The 9x9 output has
# two 4x4 squares of the block's main colour on the diagonal that starts in that corner: one in the corner, the next
# diagonally adjacent toward the middle.
def solve(I):
    bg = most_common_color(I)
    template = (
        (3, 3, 3, 3, 0, 0, 0, 0, 0),
        (3, 3, 3, 3, 0, 0, 0, 0, 0),
        (3, 3, 3, 3, 0, 0, 0, 0, 0),
        (3, 3, 3, 3, 0, 0, 0, 0, 0),
        (0, 0, 0, 0, 3, 3, 3, 3, 0),
        (0, 0, 0, 0, 3, 3, 3, 3, 0),
        (0, 0, 0, 0, 3, 3, 3, 3, 0),
        (0, 0, 0, 0, 3, 3, 3, 3, 0),
        (0, 0, 0, 0, 0, 0, 0, 0, 0),
    )
    block = first(find_objects(I, False, False, bg))
    green = object_color(block)
    on_right = equals(object_right(block), 2)
    on_bottom = equals(object_bottom(block), 2)
    painted = map_colors(template, (pair(3, green), pair(0, bg)))
    sideways = if_else(on_right, flip_horizontal(painted), painted)
    O = if_else(on_bottom, flip_vertical(sideways), sideways)
    return O
