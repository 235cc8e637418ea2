# Grey vertical bars are recoloured by height rank: tallest blue (1), then red (2), green (3),
# shortest yellow (4).
def solve(I):
    bars = find_objects(I, True, False, 0)
    ranked = sort_by_descending(bars, object_size)
    recolored = zip_with(recolor_object, ranked, (1, 2, 3, 4))
    O = paint_objects(I, recolored)
    return O
