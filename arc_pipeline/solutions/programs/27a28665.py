# The 3x3 input shows one of four shapes (in any colour, any turn); output a single cell coding the
# shape: the X shape -> red, the plus -> magenta, the ring-like 110/101/010 shape -> blue,
# the 2x2 block with a corner dot (011/011/100) -> green.
# colour-semantic: keep 1,2,3,6: each shape has its own output colour
def solve(I):
    bg = least_common_color(I)
    marked = keep_only_color(I, bg, add(bg, 1))
    mask = map_colors(marked, (pair(bg, 0), pair(add(bg, 1), 1)))
    turns = grid_symmetries(mask)
    is_x = contains(turns, ((1, 0, 1), (0, 1, 0), (1, 0, 1)))
    is_plus = contains(turns, ((0, 1, 0), (1, 1, 1), (0, 1, 0)))
    is_ring = contains(turns, ((1, 1, 0), (1, 0, 1), (0, 1, 0)))
    code = if_else(is_x, 2, if_else(is_plus, 6, if_else(is_ring, 1, 3)))
    O = make_grid(code, 1, 1)
    return O
