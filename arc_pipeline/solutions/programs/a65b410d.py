# A red bar of length n starts at the left edge. Each row above it gets a green bar one cell longer
# than the row below it; each row below gets a blue bar one cell shorter, down to length 1.
# colour-semantic: keep 1,2,3: green bars go above the red bar and blue bars below it
# orientation-semantic: the bars start at the left edge, longer going up and shorter going down
def solve(I):
    bg = most_common_color(I)
    bar = first(find_objects(I, True, False, bg))
    r = object_top(bar)
    n = object_width(bar)
    upper_diag = draw_line(I, subtract(r, 1), n, 0, subtract(add(n, r), 1), 3)
    upper_edge = draw_line(upper_diag, subtract(r, 1), 0, 0, 0, 3)
    lower_diag = draw_line(upper_edge, add(r, 1), subtract(n, 2), subtract(add(r, n), 1), 0, 1)
    lower_edge = draw_line(lower_diag, add(r, 1), 0, subtract(add(r, n), 1), 0, 1)
    O = fill_row_spans(lower_edge, bg)
    return O
