# Full lines of the minority colour divide the grid into bands; output a grid of the background
# colour with one cell per section (rows = horizontal bands, columns = vertical bands).
def solve(I):
    line_color = least_common_color(I)
    background = most_common_color(I)
    sections = line_section_counts(I, line_color)
    O = make_grid(background, first(sections), last(sections))
    return O
