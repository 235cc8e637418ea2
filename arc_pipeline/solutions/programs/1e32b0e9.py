# Lines split the grid into 3x3 cells; the top-left cell's shape is the template. In every other
# cell, template positions that are empty get filled with the line colour (existing cells stay).
# orientation-semantic: only transpose: the top-left cell holds the template
def solve(I):
    bg = most_common_color(I)
    line_color = cell_color(I, 5, 5)
    unit = crop(I, 0, 0, 6, 6)
    repeated = crop(tile(unit, 3, 3), 0, 0, height(I), width(I))
    ghosts = keep_only_color(repeated, bg, line_color)
    O = overlay(ghosts, I, bg)
    return O
