# On a background (the most common colour), every one-colour shape gets a green (3) outline drawn
# around it (including diagonal neighbours), and the holes enclosed inside hollow shapes are
# filled yellow (4).
# colour-semantic: keep 3,4: the outlines are drawn green and the holes filled yellow, colours the input never shows
def solve(I):
    bg = most_common_color(I)
    filled = fill_enclosed(I, bg, 4)
    shapes = find_objects(I, True, False, bg)
    surround = fix_second(object_neighbor_cells, True)
    outline = merge(map_items(surround, shapes))
    O = paint_cells_on_background(filled, outline, 3, bg)
    return O
