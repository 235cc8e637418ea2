# Green cells are pulled toward the red cell and orange cells toward the blue cell, each along its
# row or column, until it sits right next to its centre cell.
# colour-semantic: keep 1,2,3,7: the colours pair up by name: green goes to red, orange goes to blue
def solve(I):
    bg = most_common_color(I)
    red = first(cells_of_color(I, 2))
    blue = first(cells_of_color(I, 1))
    green_targets = map_items(chain(fix_first(direction_toward, red), fix_first(add, red)), cells_of_color(I, 3))
    orange_targets = map_items(chain(fix_first(direction_toward, blue), fix_first(add, blue)), cells_of_color(I, 7))
    centres = map_colors(I, ((3, bg), (7, bg)))
    with_green = set_cells(centres, green_targets, 3)
    O = set_cells(with_green, orange_targets, 7)
    return O
