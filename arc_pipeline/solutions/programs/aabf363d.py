# Recolour the shape with the colour of the single cell in the bottom-left corner, and erase that cell.
def solve(I):
    bg = most_common_color(I)
    new_color = cell_color(I, -1, 0)
    shape_color = nth(colors_by_frequency(I), 1)
    recolored = replace_color(I, shape_color, new_color)
    O = set_cell(recolored, subtract(height(I), 1), 0, bg)
    return O
