# There are three azure shapes: two identical ones and one with a different shape. The odd shape
# becomes red and the two matching shapes become blue.
# colour-semantic: keep 1,2: the odd shape becomes red and the matching ones blue
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, True, bg)
    form = fix_second(object_to_grid, bg)
    odd_form = least_common_item(map_items(form, shapes))
    new_color = chain(form, chain(fix_second(equals, odd_form), fix_first(add, 1)))
    O = paint_objects(I, map_items(fork(recolor_object, identity, new_color), shapes))
    return O
