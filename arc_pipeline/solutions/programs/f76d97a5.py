# Grey (5) cells take the other colour, and cells of that other colour become black.
def solve(I):
    other = first(drop_if(palette(I), fix_first(equals, 5)))
    O = replace_color(replace_color(I, other, 0), 5, other)
    return O
