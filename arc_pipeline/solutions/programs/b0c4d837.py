# A U-shaped container (the taller shape) is partly filled with liquid (the other colour). Count the
# empty rows left inside it; output a 3x3 background grid with that many liquid-coloured cells,
# filled along a snake: left to right on the top row, then right to left on the middle row.
# orientation-semantic: the liquid settles at the bottom of an upward-open container, and the count is written in a fixed top-left-first order
def solve(I):
    bg = most_common_color(I)
    parts = objects_by_color(I, bg)
    container = max_by(parts, object_height)
    liquid = min_by(parts, object_height)
    liquid_color = object_color(liquid)
    empty_rows = subtract(subtract(object_height(container), 1), object_height(liquid))
    marks = repeat_value(repeat_value(liquid_color, empty_rows), 1)
    blanks = repeat_value(repeat_value(bg, subtract(9, empty_rows)), 1)
    rows = reshape_grid(concat_horizontal(marks, blanks), 3, 3)
    middle = flip_horizontal(select_rows(rows, 1, 2))
    O = stack_vertical((select_rows(rows, 0, 1), middle, select_rows(rows, 2, 3)))
    return O
