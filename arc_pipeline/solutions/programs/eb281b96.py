# Reflect the band downwards again and again, sharing the edge row each time (rows go down,
# back up, down ...), until the output has 4h-3 rows for an input of h rows.
# orientation-semantic: only flip_horizontal: the band is reflected downward.
def solve(I):
    h = height(I)
    down = select_rows(I, 0, subtract(h, 1))
    up = select_rows(flip_vertical(I), 0, subtract(h, 1))
    period = stack_vertical((down, up))
    O = select_rows(tile(period, 4, 1), 0, subtract(multiply(4, h), 3))
    return O
