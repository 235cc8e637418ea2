# Grid lines divide the background into square cells, but some lines have gaps. Cells sealed on all
# sides become green (3); cells joined to neighbours through a gap, and the gaps themselves, become yellow (4).
# colour-semantic: keep 3,4: sealed cells become green and leaking ones yellow, colours the input never shows
def solve(I):
    bg = most_common_color(I)
    regions = find_objects(I, True, False, -1)
    background_regions = objects_of_color(regions, bg)
    sealed = keep_if(background_regions, is_rectangle)
    leaking = drop_if(background_regions, is_rectangle)
    green = map_items(fix_second(recolor_object, 3), sealed)
    yellow = map_items(fix_second(recolor_object, 4), leaking)
    O = paint_objects(paint_objects(I, green), yellow)
    return O
