# The coloured stripes along one edge of the grid are mirrored onto the opposite edge, keeping the
# originals (full-width rows are unchanged by a left-right mirror, full-height columns by a
# top-bottom one, so both mirrors can be laid over the input).
def solve(I):
    bg = most_common_color(I)
    with_rows = overlay(I, flip_vertical(I), bg)
    O = overlay(with_rows, flip_horizontal(I), bg)
    return O
