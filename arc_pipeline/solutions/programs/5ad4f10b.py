# A big shape is drawn with square blocks in one colour among noise cells of another colour.
# Shrink the big shape to 3x3 (one cell per block) and paint it in the noise colour.
def solve(I):
    bg = most_common_color(I)
    big = largest_object(find_objects(I, True, True, bg))
    big_color = object_color(big)
    layers = objects_by_color(I, bg)
    noise = first(drop_if(layers, chain(object_color, fix_second(equals, big_color))))
    block = floor_divide(object_width(big), 3)
    small = downscale(object_to_grid(big, bg), block)
    O = keep_only_color(small, bg, object_color(noise))
    return O
