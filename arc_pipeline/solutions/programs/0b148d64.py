# Four patterned quadrants are separated by black gaps; three share one colour and one has a
# unique colour. Output that odd-coloured quadrant, cropped.
def solve(I):
    color_groups = objects_by_color(I, 0)
    odd_group = smallest_object(color_groups)
    O = crop_to_object(I, odd_group)
    return O
