# Output a 2x2 square in the colour of the hollow rectangle with the largest bounding box.
def solve(I):
    bg = most_common_color(I)
    frames = find_objects(I, True, False, bg)
    biggest = max_by(frames, fork(multiply, object_height, object_width))
    O = make_grid(object_color(biggest), 2, 2)
    return O
