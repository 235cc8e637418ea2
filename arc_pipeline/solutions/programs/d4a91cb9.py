# Connect the light-blue (8) cell to the red (2) cell with a yellow (4) path: straight up or
# down from the light-blue cell to the red cell's row, then across to the red cell.
# colour-semantic: keep 2,4,8: the rule names the colours: a yellow path from the light-blue cell to the red cell.
# orientation-semantic: only flip_horizontal,flip_vertical,rotate_180: the path goes vertically first, then horizontally.
def solve(I):
    start = object_position(cells_to_object(cells_of_color(I, 8), 8))
    goal = object_position(cells_to_object(cells_of_color(I, 2), 2))
    vertical = draw_line(I, first(start), last(start), first(goal), last(start), 4)
    both = draw_line(vertical, first(goal), last(start), first(goal), last(goal), 4)
    O = set_cell(set_cell(both, first(start), last(start), 8), first(goal), last(goal), 2)
    return O
