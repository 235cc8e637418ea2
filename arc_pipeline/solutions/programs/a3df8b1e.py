# Starting from the blue cell in the bottom-left corner, a blue diagonal climbs up to the right
# and bounces off the side walls, zig-zagging all the way to the top row.
def solve(I):
    w = width(I)
    diagonal = draw_line(make_grid(0, w, w), 0, 0, subtract(w, 1), subtract(w, 1), 1)
    going = select_rows(diagonal, 0, subtract(w, 1))
    returning = select_rows(flip_vertical(diagonal), 0, subtract(w, 1))
    cycle = stack_vertical((going, returning))
    O = flip_vertical(extend_rows_periodically(cycle, height(I)))
    return O
