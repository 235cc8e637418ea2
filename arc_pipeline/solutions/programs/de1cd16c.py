# The grid is split into large single-colour regions sprinkled with stray dots of one colour.
# Output (as 1x1) the colour of the region that contains the most stray dots.
def solve(I):
    pieces = find_objects(I, True, False, -1)
    regions = keep_if(pieces, chain(object_size, fix_second(greater_than, 4)))
    busiest = max_by(regions, object_hole_count)
    O = make_grid(object_color(busiest), 1, 1)
    return O
