# Grey (5) cells take the other colour, and cells of that other colour become black.
# colour-semantic: keep 0,5: the grey (5) cells take the other colour and that colour becomes black (0), a
# colour-semantic: colour the input does not hold.
def solve(I):
    other = first(drop_if(palette(I), fix_first(equals, 5)))
    O = replace_color(replace_color(I, other, 0), 5, other)
    return O
