# A 2x2 block has one or more red corner cells. For each red cell, the block (all in its main
# colour) is stamped repeatedly along the diagonal pointing from the block's centre through that
# corner, out to the grid edge.
# colour-semantic: keep 2: red cells mark the corners the block travels toward
def solve(I):
    bg = most_common_color(I)
    block = first(find_objects(I, False, False, bg))
    color = first(drop_if(palette(I), fix_first(contains, pair(bg, 2))))
    solid = recolor_object(block, color)
    doubled_centre = add(object_position(block), pair(object_bottom(block), object_right(block)))
    direction = chain(fork(add, identity, identity), fix_first(direction_toward, doubled_centre))
    trail = chain(direction, fix_first(fix_last(smear_object, 30), solid))
    reds = sort_by(cells_of_color(I, 2), identity)
    O = paint_objects(I, map_items(trail, reds))
    return O
