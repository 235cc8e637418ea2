# Each diagonal V-shape is filled in: in every row, the gap between two cells of the same
# colour is filled with that colour.
# orientation-semantic: only rotate_180,flip_horizontal,flip_vertical: the shapes are filled along rows
def solve(I):
    bg = most_common_color(I)
    O = fill_row_spans(I, bg)
    return O
