# Output the largest shape, cropped to its bounding box.
def solve(I):
    bg = most_common_color(I)
    biggest = largest_object(find_objects(I, True, False, bg))
    O = crop_to_object(I, biggest)
    return O
