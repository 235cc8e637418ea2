# The green (3) cell takes one step (straight or diagonal) toward the yellow (4) cell.
# colour-semantic: keep 3,4: the rule names the colours: the green cell moves toward the yellow one.
def solve(I):
    green = cells_to_object(cells_of_color(I, 3), 3)
    yellow = cells_to_object(cells_of_color(I, 4), 4)
    step = direction_toward(object_position(green), object_position(yellow))
    moved = shift_object(green, first(step), last(step))
    O = paint_object(erase_object(I, green, most_common_color(I)), moved)
    return O
