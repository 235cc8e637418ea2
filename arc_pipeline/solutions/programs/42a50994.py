# Remove every isolated cell (one with no coloured neighbour, diagonals included); cells that
# touch at least one other cell stay.
def solve(I):
    groups = find_objects(I, True, True, 0)
    kept = drop_if(groups, chain(object_size, fix_first(equals, 1)))
    O = paint_objects(make_grid(0, height(I), width(I)), kept)
    return O
