# The picture is a grid of solid coloured blocks; output one cell per block, keeping their layout.
def solve(I):
    blocks = crop_to_content(I, 0)
    O = dedupe_columns(dedupe_rows(blocks))
    return O
