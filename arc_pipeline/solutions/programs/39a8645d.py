# Several small shapes are scattered; output the shape (with its colour) that occurs most often.
def solve(I):
    shapes = find_objects(I, True, True, 0)
    pictures = map_items(fix_second(object_to_grid, 0), shapes)
    O = most_common_item(pictures)
    return O
