# Each colour (other than the background) marks four corners of a square, diamond or rectangle.
# Stack all these outlines centred on one another in the smallest square that holds the largest.
def solve(I):
    background = most_common_color(I)
    shapes = objects_by_color(I, background)
    side = maximum(object_height(max_by(shapes, object_height)), object_width(max_by(shapes, object_width)))
    offset = fix_first(subtract, side)
    halve = fix_second(floor_divide, 2)
    row_shift = chain(object_height, chain(offset, halve))
    col_shift = chain(object_width, chain(offset, halve))
    centered = map_items(fork(place_object_at, identity, fork(pair, row_shift, col_shift)), shapes)
    O = paint_objects(make_grid(background, side, side), centered)
    return O
