# The grey (5) cells at the top right count a distance n. Remove them and move the full-width
# cross of lines n cells down and n cells left (lines still span the whole grid).
def solve(I):
    n = color_count(I, 5)
    clean = replace_color(I, 5, 0)
    color = last(palette(clean))
    cells = sort_by(cells_of_color(clean, color), identity)
    row = add(most_common_item(map_items(first, cells)), n)
    col = subtract(most_common_item(map_items(last, cells)), n)
    blank = make_grid(0, height(I), width(I))
    horizontal = draw_line(blank, row, 0, row, subtract(width(I), 1), color)
    O = draw_line(horizontal, 0, col, subtract(height(I), 1), col, color)
    return O
