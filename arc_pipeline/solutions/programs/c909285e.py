# One colour appears only as a square frame; output the square window bounded by that frame.
def solve(I):
    frame_color = least_common_color(I)
    frame = cells_to_object(cells_of_color(I, frame_color), frame_color)
    O = crop_to_object(I, frame)
    return O
