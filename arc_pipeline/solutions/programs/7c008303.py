# Azure lines separate a 2x2 colour key from a 6x6 green pattern. Each 3x3 quarter of the pattern
# is recoloured with the key colour in the same quarter position; the output is the recoloured pattern.
def solve(I):
    sections = split_by_lines(I, 8)
    area = fork(multiply, height, width)
    key = min_by(sections, area)
    pattern = max_by(sections, area)
    quarter_colors = upscale(key, 3)
    O = keep_where(quarter_colors, pattern, 0)
    return O
