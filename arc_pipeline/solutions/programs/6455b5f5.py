# Red (2) walls divide the grid into empty regions. The largest region(s) are filled blue (1)
# and the smallest region(s) azure (8); the others stay empty.
# colour-semantic: keep 1,8: the largest regions are always filled blue (1), the smallest azure (8)
def solve(I):
    regions = find_objects(I, True, False, 2)
    largest_size = object_size(largest_object(regions))
    smallest_size = object_size(smallest_object(regions))
    largest = merge(objects_of_size(regions, largest_size))
    smallest = merge(objects_of_size(regions, smallest_size))
    with_big = paint_object(I, recolor_object(largest, 1))
    O = paint_object(with_big, recolor_object(smallest, 8))
    return O
