# Red columns separate three 4x4 panels; lay them on top of each other with the first panel
# on top, then the second, then the third (black is transparent).
def solve(I):
    panels = split_by_lines(I, 2)
    O = overlay_all(reverse_items(panels), 0)
    return O
