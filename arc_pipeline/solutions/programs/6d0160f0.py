# Full lines (the colour at a line crossing) split the grid into 3x3 sections. Exactly one section
# contains a yellow (4) cell; the position of that cell inside its section names a target section.
# Copy the whole section there and empty every other section to the background.
# colour-semantic: keep 4: the section to copy is the one holding the yellow cell, among cells of any other colour
def solve(I):
    line_color = cell_color(I, 3, 3)
    sections = split_by_lines(I, line_color)
    bg = most_common_color(stack_horizontal(sections))
    has_yellow = chain(fix_second(color_count, 4), fix_first(less_than, 0))
    chosen = first(keep_if(sections, has_yellow))
    target = first(cells_of_color(chosen, 4))
    rows_down = multiply(first(target), add(height(chosen), 1))
    cols_right = multiply(last(target), add(width(chosen), 1))
    content = shift_object(grid_to_object(chosen, bg), rows_down, cols_right)
    O = paint_object(keep_only_color(I, line_color, bg), content)
    return O
