# Cut out the square (which has a smaller square of another colour inside) and swap its two colours.
def solve(I):
    bg = most_common_color(I)
    square = crop_to_content(I, bg)
    colors = palette(square)
    O = swap_colors(square, first(colors), last(colors))
    return O
