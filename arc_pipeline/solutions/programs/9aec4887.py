# A frame has four differently coloured sides; a shape of one colour (the second most common; azure) elsewhere has the size of its inside.
# Move the shape into the frame and recolour each cell with the colour of the side nearest to it;
# cells equally near two sides (on the diagonals) keep the shape colour. The output is the frame.
def solve(I):
    bg = most_common_color(I)
    azure = nth(colors_by_frequency(I), 1)
    frame_obj = cells_to_object(cells_not_of_color(replace_color(I, azure, bg), bg), bg)
    frame = crop_to_object(I, frame_obj)
    shape_obj = first(objects_of_color(objects_by_color(I, bg), azure))
    shape_grid = keep_only_color(crop_to_object(I, shape_obj), azure, bg)
    n = height(shape_grid)
    last_i = subtract(n, 1)
    blank = make_grid(0, n, n)
    diagonals = draw_line(draw_line(blank, 0, 0, last_i, last_i, 1), 0, last_i, last_i, 0, 1)
    hourglass = combine_xor(fill_row_spans(diagonals, 0), diagonals, 1)
    half = floor_divide(n, 2)
    top_mask = stack_vertical((select_rows(hourglass, 0, half), make_grid(0, subtract(n, half), n)))
    top_part = map_colors(top_mask, ((0, 10), (1, cell_color(frame, 0, 1))))
    right_part = map_colors(rotate_90(top_mask), ((0, 10), (1, cell_color(frame, 1, -1))))
    bottom_part = map_colors(rotate_180(top_mask), ((0, 10), (1, cell_color(frame, -1, 1))))
    left_part = map_colors(rotate_270(top_mask), ((0, 10), (1, cell_color(frame, 1, 0))))
    nearest = overlay(overlay(overlay(overlay(make_grid(azure, n, n), top_part, 10), right_part, 10), bottom_part, 10), left_part, 10)
    inside = keep_where(nearest, shape_grid, bg)
    O = overlay(frame, pad(inside, 1, bg), bg)
    return O
