# Among the vertical bars, the tallest becomes blue and the shortest becomes red; all other
# bars are removed.
# colour-semantic: keep 1,2: the tallest bar becomes blue and the shortest red
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the bars are vertical and compared by height
def solve(I):
    bg = most_common_color(I)
    bars = find_objects(I, True, False, bg)
    tallest = recolor_object(max_by(bars, object_height), 1)
    shortest = recolor_object(min_by(bars, object_height), 2)
    O = paint_objects(make_grid(bg, height(I), width(I)), pair(tallest, shortest))
    return O
