# Red rectangles that face each other side by side with only black between them are joined:
# the black cells between them, in the rows both share, become maroon (9).
def solve(I):
    blocks = find_objects(I, True, False, 0)
    gap = fix_last(fix_at(row_gap_between, 0, I), 0)
    gaps_from = chain(fix_first(fix_first, gap), chain(fix_second(map_items, blocks), merge))
    bridges = merge(map_items(gaps_from, blocks))
    O = set_cells(I, bridges, 9)
    return O
