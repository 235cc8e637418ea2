# Lines split the grid into 3x3 blocks; the block with the fewest coloured cells is the key.
# Each block of the output is filled entirely with the colour the key has at that block's position
# (background where the key is empty); the lines stay.
def solve(I):
    line_color = cell_color(I, 3, 3)
    blocks = split_by_lines(I, line_color)
    bg = most_common_color(first(blocks))
    key = max_by(blocks, fix_second(color_count, bg))
    enlarged = upscale(key, 4)
    fitted = crop(enlarged, 0, 0, height(I), width(I))
    lines = keep_only_color(I, line_color, bg)
    O = overlay(fitted, lines, bg)
    return O
