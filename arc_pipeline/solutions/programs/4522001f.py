# The 3x3 input has a green 2x2 block (with a red centre cell) in one corner. The 9x9 output has
# two green 4x4 squares on the diagonal that starts in that corner: one in the corner, the next
# diagonally adjacent toward the middle.
def solve(I):
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
    block = first(find_objects(I, False, False, 0))
    on_right = equals(object_right(block), 2)
    on_bottom = equals(object_bottom(block), 2)
    sideways = if_else(on_right, flip_horizontal(template), template)
    O = if_else(on_bottom, flip_vertical(sideways), sideways)
    return O
