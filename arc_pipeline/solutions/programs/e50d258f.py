# Several rectangles made of light blue, red and blue cells lie on black; output the rectangle
# holding the most red (2) cells.
def solve(I):
    panels = find_objects(I, False, False, 0)
    reddest = max_by(panels, fix_second(object_color_count, 2))
    O = crop_to_object(I, reddest)
    return O
