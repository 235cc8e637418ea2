# Recolour the shape with the colour of the single marker cell (the rarest colour), and erase that cell.
def solve(I):
    bg = most_common_color(I)
    new_color = least_common_color(I)
    shape_color = nth(colors_by_frequency(I), 1)
    erased = replace_color(I, new_color, bg)
    O = replace_color(erased, shape_color, new_color)
    return O
