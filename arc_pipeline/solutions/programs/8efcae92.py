# Several rectangles of one colour contain dots of the rarest colour; output the rectangle that has
# the most dot cells.
# colour-semantic: keep 0: the background is black; the rectangles cover more cells than it in most pairs, so frequency cannot name it
def solve(I):
    rects = find_objects(I, False, False, 0)
    red_count = chain(fix_first(crop_to_object, I), fix_second(color_count, least_common_color(I)))
    O = crop_to_object(I, max_by(rects, red_count))
    return O
