# Every pair of side-by-side red cells (a domino) gets a green outline around it, including the
# diagonal corners; lone red cells are left alone.
# colour-semantic: keep 3: the outlines are green, a colour the input does not use
def solve(I):
    bg = most_common_color(I)
    dominoes = objects_of_size(find_objects(I, True, False, bg), 2)
    outline = merge(map_items(fix_second(object_neighbor_cells, True), dominoes))
    O = paint_cells_on_background(I, outline, 3, bg)
    return O
