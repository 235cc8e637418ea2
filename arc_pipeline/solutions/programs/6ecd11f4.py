# A large one-colour pattern is an enlarged n x n on/off mask; a small n x n multicoloured square sits
# elsewhere. Shrink the mask back to n x n and output the small square with the cells where the mask
# is off blanked to the background.
def solve(I):
    bg = most_common_color(I)
    mask_color = nth(colors_by_frequency(I), 1)
    big_mask = crop_to_content(keep_only_color(I, mask_color, bg), bg)
    small = crop_to_content(remove_color(I, mask_color, bg), bg)
    factor = floor_divide(height(big_mask), height(small))
    mask = downscale(big_mask, factor)
    O = keep_where(small, mask, bg)
    return O
