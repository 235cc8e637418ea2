# A green line segment sends a green path out of one of its ends, along its own line. The
# path runs straight over background cells; whenever a wall cell or the edge blocks it, it turns
# onto the other axis toward the red segment, until it arrives next to the red segment.
# colour-semantic: keep 2,3: the path leaves the green segment and ends at the red one
def solve(I):
    bg = most_common_color(I)
    green = cells_of_color(I, 3)
    red = cells_of_color(I, 2)
    path = route_to_target(I, green, red, bg)
    O = set_cells(I, path, 3)
    return O
