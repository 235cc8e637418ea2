# Lines cut the grid into 3x3 sections with scattered coloured cells. The section(s) holding
# the most coloured cells are filled completely with that colour; all other sections are cleared.
def solve(I):
    bg = most_common_color(I)
    line_color = cell_color(I, 3, 3)
    color = least_common_color(I)
    sections = split_by_lines(I, line_color)
    counts = map_items(fix_second(color_count, color), sections)
    most = max_by(counts, identity)
    fills = map_items(chain(fix_first(equals, most), fix_last(fix_last(if_else, bg), color)), counts)
    O = fill_sections(I, line_color, fills)
    return O
