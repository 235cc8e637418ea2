# A hollow rectangle of the rarest colour encloses an empty area (one colour of the noise). Elsewhere
# in the noise there is exactly one other area of that colour and size: draw a copy of the
# rectangle's outline around it.
def solve(I):
    frame_color = last(colors_by_frequency(I))
    frame = first(objects_of_color(objects_by_color(I, most_common_color(I)), frame_color))
    inner_top_left = add(object_position(frame), (1, 1))
    hole = cell_color(I, first(inner_top_left), last(inner_top_left))
    inner_h = subtract(object_height(frame), 2)
    inner_w = subtract(object_width(frame), 2)
    empty = keep_only_color(I, hole, frame_color)
    spots = full_window_corners(empty, inner_h, inner_w, frame_color)
    target = first(drop_if(spots, fix_second(equals, inner_top_left)))
    offset = subtract(target, inner_top_left)
    O = paint_object(I, shift_object(frame, first(offset), last(offset)))
    return O
