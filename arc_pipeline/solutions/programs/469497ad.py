# Scale the grid up by (number of colours - 1). Then from each corner of the solid square inside,
# draw red (2) diagonal lines outward across the empty (black) cells.
def solve(I):
    factor = subtract(count_colors(I), 1)
    big = upscale(I, factor)
    inner = crop(I, 0, 0, subtract(height(I), 1), subtract(width(I), 1))
    square_color = last(palette(inner))
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
    O = set_cells(big, intersection(merge(rays), cells_of_color(big, 0)), 2)
    return O
