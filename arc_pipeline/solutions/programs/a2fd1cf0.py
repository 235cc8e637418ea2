# Connect the red cell to the green cell with an azure path: first horizontally along the red
# cell's row to the green cell's column, then vertically to the green cell.
def solve(I):
    red = first(cells_of_color(I, 2))
    green = first(cells_of_color(I, 3))
    r1 = first(red)
    c2 = last(green)
    across = draw_line(I, r1, last(red), r1, c2, 8)
    path = draw_line(across, r1, c2, first(green), c2, 8)
    O = overlay(path, I, 0)
    return O
