# Connect the red cell to the green cell with an azure path: first horizontally along the red
# cell's row to the green cell's column, then vertically to the green cell.
# colour-semantic: keep 2,3,8: the path runs from the red cell to the green cell and is azure
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the path goes horizontally first, then vertically
def solve(I):
    red = first(cells_of_color(I, 2))
    green = first(cells_of_color(I, 3))
    r1 = first(red)
    c2 = last(green)
    across = draw_line(I, r1, last(red), r1, c2, 8)
    path = draw_line(across, r1, c2, first(green), c2, 8)
    O = overlay(path, I, most_common_color(I))
    return O
