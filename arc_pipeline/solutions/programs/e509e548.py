# Recolour every line figure by its shape: an L with one bend (or a straight bar) becomes
# blue (1), a U (two ends, two bends) becomes magenta (6), a branching figure (three or more
# ends) becomes red (2); the background (most common colour) stays.
# colour-semantic: keep 1,2,6: the rule names the new colours by shape (L blue, U magenta, branching red)
def solve(I):
    bg = most_common_color(I)
    shapes = find_objects(I, True, False, bg)
    bent_once = fork(equals, object_size, fork(subtract, fork(add, object_height, object_width), constant(1)))
    end_count = chain(object_endpoints, count)
    table = (((True, 2), 1), ((False, 2), 6), ((True, 3), 2), ((False, 3), 2), ((True, 4), 2), ((False, 4), 2))
    new_color = chain(fork(pair, bent_once, end_count), fix_first(lookup, table))
    recolored = map_items(fork(recolor_object, identity, new_color), shapes)
    O = paint_objects(I, recolored)
    return O
