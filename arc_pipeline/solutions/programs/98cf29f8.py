# Two rectangles of different colours are joined by a thin line in the second rectangle's colour.
# Remove the line and slide that rectangle along it until it touches the other rectangle.
def solve(I):
    bg = most_common_color(I)
    parts = objects_by_color(I, bg)
    solid = cells_in_solid_squares(I, 2, bg)
    has_stem = chain(object_cells, chain(fix_second(difference, solid), chain(count, fix_second(greater_than, 0))))
    mover = first(keep_if(parts, has_stem))
    color = object_color(mover)
    rect = cells_to_object(intersection(object_cells(mover), solid), color)
    dr = add(subtract(object_top(mover), object_top(rect)), subtract(object_bottom(mover), object_bottom(rect)))
    dc = add(subtract(object_left(mover), object_left(rect)), subtract(object_right(mover), object_right(rect)))
    O = paint_object(erase_object(I, mover, bg), shift_object(rect, dr, dc))
    return O
