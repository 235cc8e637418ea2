# A frame has four differently coloured sides; an azure shape elsewhere has the size of its inside.
# Move the shape into the frame and recolour each cell with the colour of the side nearest to it;
# cells equally near two sides (on the diagonals) stay azure. The output is the frame.
def solve(I):
    frame_obj = cells_to_object(cells_not_of_color(replace_color(I, 8, 0), 0), 0)
    frame = crop_to_object(I, frame_obj)
    shape_obj = first(objects_of_color(objects_by_color(I, 0), 8))
    shape_grid = keep_only_color(crop_to_object(I, shape_obj), 8, 0)
    n = height(shape_grid)
    last_i = subtract(n, 1)
    blank = make_grid(0, n, n)
    diagonals = draw_line(draw_line(blank, 0, 0, last_i, last_i, 1), 0, last_i, last_i, 0, 1)
    hourglass = combine_xor(fill_row_spans(diagonals, 0), diagonals, 1)
    half = floor_divide(n, 2)
    top_mask = stack_vertical((select_rows(hourglass, 0, half), make_grid(0, subtract(n, half), n)))
    top_part = replace_color(top_mask, 1, cell_color(frame, 0, 1))
    right_part = replace_color(rotate_90(top_mask), 1, cell_color(frame, 1, -1))
    bottom_part = replace_color(rotate_180(top_mask), 1, cell_color(frame, -1, 1))
    left_part = replace_color(rotate_270(top_mask), 1, cell_color(frame, 1, 0))
    nearest = overlay(overlay(overlay(overlay(make_grid(8, n, n), top_part, 0), right_part, 0), bottom_part, 0), left_part, 0)
    inside = keep_where(nearest, shape_grid, 0)
    O = overlay(frame, pad(inside, 1, 0), 0)
    return O
