# Surround every single coloured cell with a one-cell square ring: green cells get a magenta
# ring, azure cells a yellow ring, and red cells a blue ring.
# colour-semantic: keep 1,2,3,4,6,8: the ring colour is fixed by the cell colour (green->magenta, azure->yellow, red->blue)
def solve(I):
    ring_colors = map_colors(I, ((3, 6), (8, 4), (2, 1)))
    seeds = find_objects(ring_colors, True, True, most_common_color(I))
    ring = fork(cells_to_object, fix_second(object_neighbor_cells, True), object_color)
    O = paint_objects(I, map_items(ring, seeds))
    return O
