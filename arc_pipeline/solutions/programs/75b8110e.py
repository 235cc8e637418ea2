# The four quadrants (colours 4, 5, 6, 9) are stacked on top of each other into one quarter-size grid;
# where several overlap, 5 wins over 6, 6 over 9, and 9 over 4.
# orientation-semantic: the overlay order is fixed by quadrant position (top-right over bottom-left over bottom-right over top-left)
def solve(I):
    bg = most_common_color(I)
    upper = top_half(I)
    lower = bottom_half(I)
    yellow = left_half(upper)
    grey = right_half(upper)
    magenta = left_half(lower)
    maroon = right_half(lower)
    O = overlay_all((yellow, maroon, magenta, grey), bg)
    return O
