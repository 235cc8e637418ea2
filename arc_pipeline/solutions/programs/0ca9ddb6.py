# Each red cell gets yellow cells on its four diagonal neighbours; each blue cell gets orange
# cells on its four orthogonal neighbours. Other cells are unchanged.
# colour-semantic: keep 1,2,4,7: red cells grow yellow diagonals and blue cells orange sides; other colours are left alone
def solve(I):
    reds = cells_to_object(cells_of_color(I, 2), 4)
    blues = cells_to_object(cells_of_color(I, 1), 7)
    yellow = merge((shift_object(reds, 1, 1), shift_object(reds, 1, -1), shift_object(reds, -1, 1), shift_object(reds, -1, -1)))
    orange = merge((shift_object(blues, 1, 0), shift_object(blues, -1, 0), shift_object(blues, 0, 1), shift_object(blues, 0, -1)))
    with_yellow = paint_object(I, yellow)
    O = paint_object(with_yellow, orange)
    return O
