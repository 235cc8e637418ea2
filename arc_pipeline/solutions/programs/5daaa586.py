# Four straight lines of different colours (two across, two down) frame a rectangle; crop to that
# rectangle (lines included). Inside, scattered dots share the colour of one frame line: extend
# every dot in a straight trail toward that line.
def solve(I):
    bg = most_common_color(I)
    mark = add(bg, 1)
    inside_mark = add(bg, 2)
    solid = keep_only_color(I, bg, mark)
    lines = full_line_cells(solid, mark)
    skeleton = set_cells(make_grid(bg, height(I), width(I)), lines, mark)
    enclosed = cells_of_color(fill_enclosed(skeleton, bg, inside_mark), inside_mark)
    inner = cells_to_object(enclosed, inside_mark)
    framed = crop(I, subtract(object_top(inner), 1), subtract(object_left(inner), 1), add(object_height(inner), 2), add(object_width(inner), 2))
    inside = crop(framed, 1, 1, object_height(inner), object_width(inner))
    dot_color = first(drop_if(palette(inside), fix_first(equals, bg)))
    top_color = cell_color(framed, 0, 1)
    bottom_color = cell_color(framed, -1, 1)
    left_color = cell_color(framed, 1, 0)
    step_lr = if_else(equals(dot_color, left_color), (0, -1), (0, 1))
    step_b = if_else(equals(dot_color, bottom_color), (1, 0), step_lr)
    step = if_else(equals(dot_color, top_color), (-1, 0), step_b)
    dots = cells_of_color(framed, dot_color)
    trails = merge(map_items(fix_second(ray_cells, step), dots))
    O = set_cells(framed, intersection(trails, cells_of_color(framed, bg)), dot_color)
    return O
