# A single grey cell marks a target: copy the multicoloured shape so that the centre of its
# bounding box lands on the grey cell, and remove the grey cell. The original shape stays.
def solve(I):
    objs = find_objects(I, False, True, 0)
    marker = first(objects_of_color(objs, 5))
    shape_obj = largest_object(objs)
    offset = subtract(object_position(marker), object_center(shape_obj))
    copied = shift_object(shape_obj, first(offset), last(offset))
    cleared = erase_object(I, marker, 0)
    O = paint_object(cleared, copied)
    return O
