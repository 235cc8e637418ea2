# A diagonal line has triangles of another colour attached to its sides (the line is the colour
# whose cells are as many as its rows; the triangles are the other colour). Remove the triangles;
# for each one, draw a full-length parallel line of the line's colour on that side, (triangle
# width + 2) columns away. A line running the other way (top-right to bottom-left) is handled in
# the mirror image.
def solve(I):
    bg = most_common_color(I)
    one_per_row = fork(equals, object_size, object_height)
    line_in_input = first(keep_if(objects_by_color(I, bg), one_per_row))
    line_color = object_color(line_in_input)
    tri_color = first(difference(palette(I), pair(bg, line_color)))
    falling = contains(object_cells(line_in_input), pair(object_top(line_in_input), object_left(line_in_input)))
    G = if_else(falling, I, flip_horizontal(I))
    line = first(objects_of_color(objects_by_color(G, bg), line_color))
    offset = subtract(object_left(line), object_top(line))
    triangles = objects_of_color(find_objects(G, True, False, bg), tri_color)
    on_right = chain(fork(subtract, object_left, object_top), fix_second(greater_than, offset))
    right_tris = keep_if(triangles, on_right)
    left_tris = drop_if(triangles, on_right)
    right_start = chain(chain(object_width, fix_first(add, add(offset, 2))), fix_first(pair, 0))
    left_start = chain(chain(object_width, fix_first(subtract, subtract(offset, 2))), fix_first(pair, 0))
    full_line = fork(union, fix_second(ray_cells, (1, 1)), fix_second(ray_cells, (-1, -1)))
    new_right = map_items(chain(right_start, full_line), right_tris)
    new_left = map_items(chain(left_start, full_line), left_tris)
    cleared = remove_color(G, tri_color, bg)
    R = set_cells(cleared, union(merge(new_right), merge(new_left)), line_color)
    O = if_else(falling, R, flip_horizontal(R))
    return O
