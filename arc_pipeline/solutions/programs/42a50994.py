# Remove every isolated cell (one with no coloured neighbour, diagonals included); cells that
# touch at least one other cell stay.
def solve(I):
    bg = most_common_color(I)
    groups = find_objects(I, True, True, bg)
    kept = drop_if(groups, chain(object_size, fix_first(equals, 1)))
    O = paint_objects(make_grid(bg, height(I), width(I)), kept)
    return O
