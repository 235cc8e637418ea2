# Vertical bars are recoloured by height rank: tallest blue (1), then red (2), green (3),
# shortest yellow (4).
# colour-semantic: keep 1,2,3,4: the height ranks are painted blue, red, green and yellow
def solve(I):
    bg = most_common_color(I)
    bars = find_objects(I, True, False, bg)
    ranked = sort_by_descending(bars, object_size)
    recolored = zip_with(recolor_object, ranked, (1, 2, 3, 4))
    O = paint_objects(I, recolored)
    return O
