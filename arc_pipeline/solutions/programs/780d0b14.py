# Full background-coloured rows and columns cut the grid into blocks, each speckled with one main colour;
# the output has one cell per block, in the same layout, holding that block's main colour.
def solve(I):
    bg = most_common_color(I)
    blocks = split_by_lines(I, bg)
    block_colors = map_items(most_common_color, blocks)
    layout = line_section_counts(I, bg)
    O = reshape_grid((block_colors,), first(layout), last(layout))
    return O
