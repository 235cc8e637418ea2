# On an azure (8) background, every magenta (6) shape gets a green (3) outline drawn around it
# (including diagonal neighbours), and the holes enclosed inside hollow shapes are filled yellow (4).
def solve(I):
    filled = fill_enclosed(I, 8, 4)
    shapes = find_objects(I, True, False, 8)
    surround = fix_second(object_neighbor_cells, True)
    outline = merge(map_items(surround, shapes))
    O = paint_cells_on_background(filled, outline, 3, 8)
    return O
