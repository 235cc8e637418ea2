# Each row has a coloured cell at both ends; when the two ends share a colour, the whole row
# between them is filled with it.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the coloured ends sit at both ends of each row
def solve(I):
    bg = most_common_color(I)
    O = fill_row_spans(I, bg)
    return O
