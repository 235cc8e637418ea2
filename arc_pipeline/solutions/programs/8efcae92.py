# Several blue rectangles contain red dots; output the rectangle that has the most red cells.
def solve(I):
    rects = find_objects(I, False, False, 0)
    red_count = chain(fix_first(crop_to_object, I), fix_second(color_count, 2))
    O = crop_to_object(I, max_by(rects, red_count))
    return O
