# The picture is symmetric under left-right and top-bottom mirroring; a solid block of one colour
# (the largest colour whose cells fill a rectangle) hides part of it. Output what is hidden under
# the block, recovered from the mirror images.
def solve(I):
    block = max_by(keep_if(objects_by_color(I, -1), is_rectangle), object_size)
    cleared = replace_color(I, object_color(block), -1)
    mirrors = pair(pair(cleared, flip_horizontal(cleared)), pair(flip_vertical(cleared), rotate_180(cleared)))
    restored = overlay_all(reverse_items(flatten(mirrors)), -1)
    O = crop_to_object(restored, block)
    return O
