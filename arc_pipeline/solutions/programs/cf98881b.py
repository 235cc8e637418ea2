# Lines of one colour separate three 4x4 panels; lay them on top of each other with the first
# panel on top, then the second, then the third (the background is transparent).
# orientation-semantic: only flip_vertical: the panels are stacked in left-to-right order.
def solve(I):
    bg = most_common_color(I)
    panels = split_by_lines(I, cell_color(I, 0, 4))
    O = overlay_all(reverse_items(panels), bg)
    return O
