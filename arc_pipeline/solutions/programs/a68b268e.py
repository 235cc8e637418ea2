# Blue lines split the grid into four quadrants. Stack them into one: the top-left (orange) lies
# on top, then top-right (yellow), then bottom-left (azure), then bottom-right (magenta) beneath.
def solve(I):
    quadrants = split_by_lines(I, 1)
    O = overlay_all(reverse_items(quadrants), 0)
    return O
