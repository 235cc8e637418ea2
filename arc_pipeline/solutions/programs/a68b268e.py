# Two crossing lines split the grid into four quadrants. Stack them into one: the top-left quadrant lies
# on top, then the top-right, then the bottom-left, then the bottom-right beneath.
# orientation-semantic: the stacking order is by position: top-left on top, then top-right, bottom-left, bottom-right
def solve(I):
    quadrants = split_by_lines(I, cell_color(I, floor_divide(height(I), 2), floor_divide(width(I), 2)))
    O = overlay_all(reverse_items(quadrants), most_common_color(I))
    return O
