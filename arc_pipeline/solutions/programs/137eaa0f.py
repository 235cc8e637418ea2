# Each grey cell is the centre of a scattered 3x3 piece; stack all pieces so their grey centres
# coincide and output the assembled 3x3 square.
def solve(I):
    centres = sort_by(cells_of_color(I, 5), identity)
    pieces = map_items(fix_first(fix_last(window_around, 1), I), centres)
    O = overlay_all(pieces, 0)
    return O
