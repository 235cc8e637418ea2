# Inside the bounding box of the azure cells, every blue cell turns green; the rest is unchanged.
# colour-semantic: keep 1,3,8: blue cells inside the azure box turn green
def solve(I):
    box = bbox_of_cells(cells_of_color(I, 8))
    mask = set_cells(make_grid(0, height(I), width(I)), box, 1)
    inside = keep_where(replace_color(I, 1, 3), mask, 0)
    O = overlay(I, inside, 0)
    return O
