# Several hollow frames of one colour and loose dots of another lie on black. Cut out the
# largest frame with its contents and recolour the frame to the dot colour.
def solve(I):
    frame = largest_object(find_objects(I, True, False, 0))
    frame_color = object_color(frame)
    dot_color = first(drop_if(palette(I), fix_first(contains, pair(0, frame_color))))
    O = replace_color(crop_to_object(I, frame), frame_color, dot_color)
    return O
