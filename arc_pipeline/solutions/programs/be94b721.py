# Output the largest shape, cropped to its bounding box.
def solve(I):
    biggest = largest_object(find_objects(I, True, False, 0))
    O = crop_to_object(I, biggest)
    return O
