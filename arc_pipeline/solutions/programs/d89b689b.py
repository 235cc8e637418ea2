# Four coloured dots lie diagonally around a 2x2 square (the largest shape). Each dot moves
# into the square cell nearest to it (its corner), replacing the square; everything else is cleared.
def solve(I):
    bg = most_common_color(I)
    square = max_by(find_objects(I, True, False, bg), object_size)
    top = object_top(square)
    left = object_left(square)
    dots = replace_color(I, object_color(square), bg)
    upper = select_rows(dots, 0, add(top, 1))
    lower = select_rows(dots, object_bottom(square), height(I))
    nw = last(drop_if(palette(select_columns(upper, 0, add(left, 1))), fix_first(equals, bg)))
    ne = last(drop_if(palette(select_columns(upper, object_right(square), width(I))), fix_first(equals, bg)))
    sw = last(drop_if(palette(select_columns(lower, 0, add(left, 1))), fix_first(equals, bg)))
    se = last(drop_if(palette(select_columns(lower, object_right(square), width(I))), fix_first(equals, bg)))
    corners = pair(pair(nw, ne), pair(sw, se))
    placed = shift_object(grid_to_object(corners, bg), top, left)
    O = paint_object(make_grid(bg, height(I), width(I)), placed)
    return O
