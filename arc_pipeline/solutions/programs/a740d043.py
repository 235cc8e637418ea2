# Cut out the smallest rectangle containing all non-background cells; inside it, background becomes black.
# colour-semantic: keep 0: the background left inside the cut-out becomes black
def solve(I):
    bg = most_common_color(I)
    window = crop_to_content(I, bg)
    O = replace_color(window, bg, 0)
    return O
