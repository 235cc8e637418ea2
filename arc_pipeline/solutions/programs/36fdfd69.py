# Red cells form loose clusters (red cells at most two steps apart belong together); every
# non-red cell inside a cluster's bounding box becomes yellow.
# colour-semantic: keep 2,4: red cells form the clusters and their boxes turn yellow
def solve(I):
    bg = most_common_color(I)
    clusters = cluster_cells(cells_of_color(I, 2), 2)
    boxes = merge(map_items(bbox_of_cells, clusters))
    O = overlay(set_cells(I, boxes, 4), keep_only_color(I, 2, bg), bg)
    return O
