# A single isolated cell marks a target: copy the multicoloured shape so that the centre of its
# bounding box lands on the marker cell, and remove the marker cell. The original shape stays.
def solve(I):
    bg = most_common_color(I)
    objs = find_objects(I, False, True, bg)
    marker = smallest_object(objs)
    shape_obj = largest_object(objs)
    offset = subtract(object_position(marker), object_center(shape_obj))
    copied = shift_object(shape_obj, first(offset), last(offset))
    cleared = erase_object(I, marker, bg)
    O = paint_object(cleared, copied)
    return O
