# The grey (5) cells at the top right count a distance n. Remove them and move the full-width
# cross of lines n cells down and n cells left (lines still span the whole grid).
# colour-semantic: keep 5: the grey cells (not the line colour) count the distance.
# orientation-semantic: only flip_antidiagonal: the cross moves down and to the left.
def solve(I):
    n = color_count(I, 5)
    bg = most_common_color(I)
    clean = replace_color(I, 5, bg)
    color = first(drop_if(palette(clean), fix_first(equals, bg)))
    cells = sort_by(cells_of_color(clean, color), identity)
    row = add(most_common_item(map_items(first, cells)), n)
    col = subtract(most_common_item(map_items(last, cells)), n)
    blank = make_grid(bg, height(I), width(I))
    horizontal = draw_line(blank, row, 0, row, subtract(width(I), 1), color)
    O = draw_line(horizontal, 0, col, subtract(height(I), 1), col, color)
    return O
