# Fill the inside of every solid rectangle on the black background with red, leaving a one-cell border of its colour.
# colour-semantic: keep 2: the insides become red, a colour the input does not use
# colour-semantic: keep 0: the background is black; the rectangles outnumber it in some pairs, so frequency cannot name it
def solve(I):
    rects = find_objects(I, True, False, 0)
    inside = merge(map_items(fork(difference, object_cells, object_border_cells), rects))
    O = set_cells(I, inside, 2)
    return O
