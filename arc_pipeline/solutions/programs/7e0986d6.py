# Scattered noise cells of one colour are removed: a noise cell with at least two edge-neighbours in
# the shapes' colour lies on a shape and takes that colour; every other noise cell becomes background.
def solve(I):
    bg = most_common_color(I)
    noise_color = least_common_color(I)
    cleaned = replace_color(I, noise_color, bg)
    shape_color = least_common_color(cleaned)
    shape_cells = cells_of_color(cleaned, shape_color)
    noise = find_objects(keep_only_color(I, noise_color, bg), True, False, bg)
    shape_neighbors = chain(fix_second(object_neighbor_cells, False), fix_first(intersection, shape_cells))
    on_shape = chain(shape_neighbors, chain(count, fix_second(greater_than, 1)))
    restored = merge(keep_if(noise, on_shape))
    O = paint_object(cleaned, recolor_object(restored, shape_color))
    return O
