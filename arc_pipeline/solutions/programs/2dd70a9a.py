# A green line segment sends a green path out of one of its ends, along its own line. The
# path runs straight over black cells; whenever an azure cell or the edge blocks it, it turns
# onto the other axis toward the red segment, until it arrives next to the red segment.
def solve(I):
    green = cells_of_color(I, 3)
    red = cells_of_color(I, 2)
    path = route_to_target(I, green, red, 0)
    O = set_cells(I, path, 3)
    return O
