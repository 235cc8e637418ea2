# Two horizontal and two vertical lines cut the grid into 3x3 sections; the corner sections stay
# background, the top is red, left yellow, centre magenta, right green and bottom blue.
# colour-semantic: keep 1,2,3,4,6: each section position has its own fixed colour
# orientation-semantic: the colours belong to the top, left, right and bottom sections
def solve(I):
    bg = most_common_color(I)
    line_color = least_common_color(I)
    O = fill_sections(I, line_color, (bg, 2, bg, 4, 6, 3, bg, 1, bg))
    return O
