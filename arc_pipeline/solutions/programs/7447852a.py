# The red zigzag splits the black background into triangular pockets alternating top and bottom.
# Going left to right, every third pocket (starting with the first) is filled with yellow.
# colour-semantic: keep 2,4: the zigzag is red (2) and the filled pockets yellow (4)
# orientation-semantic: only flip_vertical: the zigzag runs left to right and every third pocket is counted from the left
def solve(I):
    pockets = find_objects(I, True, False, 2)
    ordered = sort_by(pockets, object_left)
    chosen = every_nth(ordered, 3, 0)
    filled = map_items(fix_second(recolor_object, 4), chosen)
    O = paint_objects(I, filled)
    return O
