# A grey U-shaped container is partly filled with azure. Count the empty rows left inside it; output a
# 3x3 grid with that many azure cells, filled along a snake: left to right on the top row, then
# right to left on the middle row.
def solve(I):
    container = first(objects_of_color(find_objects(I, True, False, 0), 5))
    liquid = first(objects_by_color(keep_only_color(I, 8, 0), 0))
    empty_rows = subtract(subtract(object_height(container), 1), object_height(liquid))
    marks = repeat_value(repeat_value(8, empty_rows), 1)
    blanks = repeat_value(repeat_value(0, subtract(9, empty_rows)), 1)
    rows = reshape_grid(concat_horizontal(marks, blanks), 3, 3)
    middle = flip_horizontal(select_rows(rows, 1, 2))
    O = stack_vertical((select_rows(rows, 0, 1), middle, select_rows(rows, 2, 3)))
    return O
