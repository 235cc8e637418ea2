# Every hollow 3x3 square ring (whatever its colour) is replaced by a red plus sign filling the same 3x3 box
# (the box minus its four corners); all other shapes stay as they are.
# colour-semantic: keep 2: the plus signs are always red (2)
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, False, bg)
    rings = keep_if(objects_of_size(shapes, 8), chain(object_hole_count, fix_first(equals, 1)))
    ring_cells = merge(map_items(object_cells, rings))
    plus_cells = merge(map_items(fork(difference, object_bbox, bbox_corners), rings))
    cleared = set_cells(I, ring_cells, bg)
    O = set_cells(cleared, plus_cells, 2)
    return O
