# One big shape runs off the grid edge; it is a two-times enlargement of one of the small
# shapes. Output that small shape (its bounding box, background included).
def solve(I):
    background = most_common_color(I)
    mark = subtract(9, background)
    shapes = objects_by_color(I, background)
    big = max_by(shapes, object_size)
    smalls = drop_if(shapes, fix_first(equals, big))
    as_mask = chain(fix_second(object_to_grid, background), fix_last(fix_at(keep_only_color, 1, background), mark))
    visible = downscale(as_mask(big), 2)
    matches = keep_if(smalls, chain(as_mask, fix_second(contains_subgrid, visible)))
    O = crop_to_object(I, first(matches))
    return O
