# The picture is a grid of solid coloured blocks; output one cell per block, keeping their layout.
def solve(I):
    bg = most_common_color(I)
    blocks = crop_to_content(I, bg)
    O = dedupe_columns(dedupe_rows(blocks))
    return O
