# The red shape slides straight toward the azure 2x2 square until it touches it.
def solve(I):
    shapes = find_objects(I, True, False, 0)
    red = first(objects_of_color(shapes, 2))
    azure = first(objects_of_color(shapes, 8))
    moved = move_until_touching(red, azure)
    O = paint_object(erase_object(I, red, 0), moved)
    return O
