# Four coloured dots lie diagonally around a light-blue 2x2 square. Each dot moves into the
# square cell nearest to it (its corner), replacing the light blue; everything else is cleared.
def solve(I):
    square = first(objects_of_color(find_objects(I, True, False, 0), 8))
    top = object_top(square)
    left = object_left(square)
    dots = replace_color(I, 8, 0)
    upper = select_rows(dots, 0, add(top, 1))
    lower = select_rows(dots, object_bottom(square), height(I))
    nw = last(palette(select_columns(upper, 0, add(left, 1))))
    ne = last(palette(select_columns(upper, object_right(square), width(I))))
    sw = last(palette(select_columns(lower, 0, add(left, 1))))
    se = last(palette(select_columns(lower, object_right(square), width(I))))
    corners = pair(pair(nw, ne), pair(sw, se))
    placed = shift_object(grid_to_object(corners, 0), top, left)
    O = paint_object(make_grid(0, height(I), width(I)), placed)
    return O
