# The 3x3 input shows one of four shapes (in any colour); output a single cell coding the shape:
# the X shape -> red, the plus -> magenta, the ring-like 110/101/010 shape -> blue,
# the 2x2 block with a corner dot (011/011/100) -> green.
def solve(I):
    mask = keep_only_color(I, 0, 1)
    is_x = equals(mask, ((1, 0, 1), (0, 1, 0), (1, 0, 1)))
    is_plus = equals(mask, ((0, 1, 0), (1, 1, 1), (0, 1, 0)))
    is_ring = equals(mask, ((1, 1, 0), (1, 0, 1), (0, 1, 0)))
    code = if_else(is_x, 2, if_else(is_plus, 6, if_else(is_ring, 1, 3)))
    O = make_grid(code, 1, 1)
    return O
