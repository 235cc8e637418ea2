# Each single coloured cell that lies in a row or column crossed by the green (3) square
# shoots a line of its own colour straight toward the square, stopping where it touches it.
# colour-semantic: keep 3: the lines are drawn toward the green square, not toward any other shape.
def solve(I):
    pieces = find_objects(I, True, False, most_common_color(I))
    square = first(objects_of_color(pieces, 3))
    singles = drop_if(pieces, fix_first(equals, square))
    square_cells = object_cells(square)
    band = union(row_cells_through(I, square_cells), column_cells_through(I, square_cells))
    in_band = chain(chain(object_cells, fix_first(intersection, band)), chain(count, fix_second(greater_than, 0)))
    aligned = keep_if(singles, in_band)
    to_square = fork(union, identity, fix_second(move_until_touching, square))
    lines = map_items(chain(to_square, connect_extremes), aligned)
    O = paint_objects(I, lines)
    return O
