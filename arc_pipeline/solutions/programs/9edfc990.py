# Every connected region of black cells that touches a blue cell (side by side) is flooded blue.
# colour-semantic: keep 0,1: black regions touching blue become blue; black is not the most common colour (the noise can outnumber it)
def solve(I):
    regions = objects_of_color(find_objects(I, True, False, 10), 0)
    blue = cells_of_color(I, 1)
    touching = chain(fix_second(object_neighbor_cells, False), fix_first(intersection, blue))
    flooded = keep_if(regions, chain(touching, chain(count, fix_second(greater_than, 0))))
    O = set_cells(I, merge(map_items(object_cells, flooded)), 1)
    return O
