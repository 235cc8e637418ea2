# Several 3x3 squares of two colours are scattered; output the one with the most cells of the
# rarer colour.
def solve(I):
    squares = find_objects(I, False, False, most_common_color(I))
    blue_count = chain(fix_first(crop_to_object, I), fix_second(color_count, least_common_color(I)))
    O = crop_to_object(I, max_by(squares, blue_count))
    return O
