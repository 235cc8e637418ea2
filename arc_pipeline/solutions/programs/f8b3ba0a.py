# Small tiles of several colours sit on a lattice; ignoring black and the most common tile
# colour, list the remaining colours from most to least frequent as a single column.
# orientation-semantic: only flip_horizontal: the colours are listed top to bottom in a single column.
def solve(I):
    ranked = colors_by_frequency(I)
    minor = reverse_items(reverse_items(drop_if(ranked, fix_first(contains, pair(first(ranked), nth(ranked, 1))))))
    O = map_items(fix_second(repeat_value, 1), minor)
    return O
