# A hollow rectangle of the rarest colour encloses an empty (black) area. Elsewhere in the noise there
# is exactly one other empty area of that same size: draw a copy of the rectangle's outline around it.
def solve(I):
    frame_color = last(colors_by_frequency(I))
    frame = first(objects_of_color(objects_by_color(I, 0), frame_color))
    inner_top_left = add(object_position(frame), (1, 1))
    inner_h = subtract(object_height(frame), 2)
    inner_w = subtract(object_width(frame), 2)
    empty = map_colors(keep_only_color(I, 0, 5), ((0, 1), (5, 0)))
    spots = full_window_corners(empty, inner_h, inner_w, 0)
    target = first(drop_if(spots, fix_second(equals, inner_top_left)))
    offset = subtract(target, inner_top_left)
    O = paint_object(I, shift_object(frame, first(offset), last(offset)))
    return O
