# Among the grey vertical bars, the tallest becomes blue and the shortest becomes red; all other
# bars are removed.
def solve(I):
    bars = find_objects(I, True, False, 0)
    tallest = recolor_object(max_by(bars, object_height), 1)
    shortest = recolor_object(min_by(bars, object_height), 2)
    O = paint_objects(make_grid(0, height(I), width(I)), pair(tallest, shortest))
    return O
