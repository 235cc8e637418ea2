# Starting from the single coloured cell in the bottom-left corner, a diagonal of its colour climbs up to the right
# and bounces off the side walls, zig-zagging all the way to the top row.
# orientation-semantic: the zig-zag starts in the bottom-left corner and climbs upward
def solve(I):
    bg = most_common_color(I)
    w = width(I)
    diagonal = draw_line(make_grid(bg, w, w), 0, 0, subtract(w, 1), subtract(w, 1), least_common_color(I))
    going = select_rows(diagonal, 0, subtract(w, 1))
    returning = select_rows(flip_vertical(diagonal), 0, subtract(w, 1))
    cycle = stack_vertical((going, returning))
    O = flip_vertical(extend_rows_periodically(cycle, height(I)))
    return O
