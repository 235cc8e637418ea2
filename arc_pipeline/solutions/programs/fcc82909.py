# Below each 2x2 multicoloured block hang green (3) rows as wide as the block; the number of
# green rows equals the number of different colours in the block.
# orientation-semantic: only flip_horizontal: the green rows hang below each block (downward); only a left-right mirror keeps that direction
# colour-semantic: keep 3: the hanging rows are green, a colour the input never shows
def solve(I):
    bg = most_common_color(I)
    blocks = find_objects(I, False, False, bg)
    start = chain(fix_second(recolor_object, 3), fix_last(fix_last(shift_object, 0), 2))
    extra_rows = chain(fix_second(object_to_grid, bg), chain(count_colors, fix_second(subtract, 2)))
    hanging = map_items(fork(fix_at(smear_object, 1, (1, 0)), start, extra_rows), blocks)
    O = paint_objects(I, hanging)
    return O
