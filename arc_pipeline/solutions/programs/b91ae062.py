# Scale the grid up by a factor equal to the number of distinct colours (the background not counted).
def solve(I):
    bg = most_common_color(I)
    factor = count(objects_by_color(I, bg))
    O = upscale(I, factor)
    return O
