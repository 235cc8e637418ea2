# Grey lines cut the grid into 3x3 sections with scattered coloured cells. The section(s) holding
# the most coloured cells are filled completely with that colour; all other sections are cleared.
def solve(I):
    color = least_common_color(I)
    sections = split_by_lines(I, 5)
    counts = map_items(fix_second(color_count, color), sections)
    most = max_by(counts, identity)
    fills = map_items(chain(fix_first(equals, most), fix_last(fix_last(if_else, 0), color)), counts)
    O = fill_sections(I, 5, fills)
    return O
