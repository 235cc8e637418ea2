# Each colour is replaced by its fixed partner: 1<->5, 2<->6, 3<->4 and 8<->9.
# colour-semantic: each colour is swapped with its fixed partner colour (1-5, 2-6, 3-4, 8-9)
def solve(I):
    O = map_colors(I, ((1, 5), (5, 1), (2, 6), (6, 2), (3, 4), (4, 3), (8, 9), (9, 8)))
    return O
