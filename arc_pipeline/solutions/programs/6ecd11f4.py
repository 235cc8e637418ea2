# A large one-colour pattern is an enlarged n x n on/off mask; a small n x n multicoloured square sits
# elsewhere (it may hold a cell of the mask's colour too). Shrink the mask back to n x n and output
# the small square with the cells where the mask is off blanked to the background.
def solve(I):
    bg = most_common_color(I)
    mask_color = nth(colors_by_frequency(I), 1)
    pieces = find_objects(I, False, False, bg)
    small_obj = max_by(pieces, chain(fix_second(object_to_grid, bg), count_colors))
    small = crop_to_object(I, small_obj)
    mask_cells = difference(cells_of_color(I, mask_color), object_cells(small_obj))
    big_mask = crop_to_object(keep_only_color(I, mask_color, bg), cells_to_object(mask_cells, mask_color))
    factor = floor_divide(height(big_mask), height(small))
    mask = downscale(big_mask, factor)
    O = keep_where(small, mask, bg)
    return O
