# Several hollow frames of one colour and loose dots of another lie on a background. Cut out the
# largest frame with its contents and recolour the frame to the dot colour.
def solve(I):
    bg = most_common_color(I)
    frame = largest_object(find_objects(I, True, False, bg))
    frame_color = object_color(frame)
    dot_color = first(drop_if(palette(I), fix_first(contains, pair(bg, frame_color))))
    O = replace_color(crop_to_object(I, frame), frame_color, dot_color)
    return O
