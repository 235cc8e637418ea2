# Scale the grid up by (number of colours - 1). Then from each corner of the solid square inside,
# draw red (2) diagonal lines outward across the background cells.
# colour-semantic: keep 2: the diagonals are red
# orientation-semantic: only transpose: the colour bars run along the right and bottom edges
def solve(I):
    bg = most_common_color(I)
    factor = subtract(count_colors(I), 1)
    big = upscale(I, factor)
    inner = crop(I, 0, 0, subtract(height(I), 1), subtract(width(I), 1))
    square_color = least_common_color(inner)
    square = cells_to_object(cells_of_color(big, square_color), square_color)
    top = object_top(square)
    bottom = object_bottom(square)
    left = object_left(square)
    right = object_right(square)
    rays = (
        ray_cells((top, left), (-1, -1)),
        ray_cells((top, right), (-1, 1)),
        ray_cells((bottom, left), (1, -1)),
        ray_cells((bottom, right), (1, 1)),
    )
    O = set_cells(big, intersection(merge(rays), cells_of_color(big, bg)), 2)
    return O
