# Make a bar chart of the colours: one column per colour, ordered from most to least frequent,
# each filled from the top with as many cells as that colour has in the input.
# colour-semantic: keep 0: the bars are padded with black, a colour the input grids never contain
# orientation-semantic: the bars are columns read left to right, each filled downward from the top row
def solve(I):
    colors = colors_by_frequency(I)
    tallest = color_count(I, first(colors))
    bar = fork(repeat_value, identity, fix_first(color_count, I))
    padded = chain(bar, fix_last(fix_last(pad_items, 0), tallest))
    O = transpose(map_items(padded, colors))
    return O
