# Three grey bars are recoloured by length: the longest becomes blue (1), the middle one
# yellow (4) and the shortest red (2).
# colour-semantic: keep 1,2,4: the new colours are named by rank: longest blue, middle yellow, shortest red.
def solve(I):
    bars = sort_by_descending(find_objects(I, True, False, most_common_color(I)), object_size)
    recolored = zip_with(recolor_object, bars, (1, 4, 2))
    O = paint_objects(I, recolored)
    return O
