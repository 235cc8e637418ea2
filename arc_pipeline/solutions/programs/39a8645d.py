# Several small shapes are scattered; output the shape (with its colour) that occurs most often.
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, True, bg)
    pictures = map_items(fix_second(object_to_grid, bg), shapes)
    O = most_common_item(pictures)
    return O
