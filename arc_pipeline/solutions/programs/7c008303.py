# Full lines separate a 2x2 colour key from a 6x6 one-colour pattern. Each 3x3 quarter of the
# pattern is recoloured with the key colour in the same quarter position; the output is the
# recoloured pattern on the background.
def solve(I):
    bg = most_common_color(I)
    has_line = chain(fix_first(full_line_cells, I), chain(count, fix_second(greater_than, 0)))
    line_color = first(keep_if(palette(I), has_line))
    sections = split_by_lines(I, line_color)
    area = fork(multiply, height, width)
    key = min_by(sections, area)
    pattern = max_by(sections, area)
    quarter_colors = upscale(key, 3)
    O = keep_where(quarter_colors, pattern, bg)
    return O
