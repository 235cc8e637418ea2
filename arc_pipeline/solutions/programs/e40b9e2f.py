# Complete the coloured figure so that it looks the same after every quarter turn about its
# centre; missing rotated copies of its cells are added.
def solve(I):
    bg = most_common_color(I)
    figure = first(find_objects(I, False, True, bg))
    O = paint_object(I, complete_quarter_turn_symmetry(figure))
    return O
