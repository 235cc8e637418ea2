# Fill every background area completely enclosed by the walls with blue.
# colour-semantic: keep 1: enclosed areas become blue, a colour the input does not use
def solve(I):
    O = fill_enclosed(I, most_common_color(I), 1)
    return O
