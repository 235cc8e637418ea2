# Lines of one colour divide the grid into cells. Fill the top-left cell with blue, the cell containing
# the grid's centre with red, and the bottom-right cell with green.
# colour-semantic: keep 1,2,3: the corner cells become blue (top-left) and green (bottom-right), the centre cell red
# orientation-semantic: only transpose: blue goes to the top-left cell and green to the bottom-right one
def solve(I):
    bg = cell_color(I, 0, 0)
    line_color = first(drop_if(palette(I), fix_second(equals, bg)))
    cells = find_objects(I, True, False, line_color)
    centre = pair(floor_divide(height(I), 2), floor_divide(width(I), 2))
    middle = first(keep_if(cells, chain(object_cells, fix_second(contains, centre))))
    O = paint_object(I, recolor_object(first(cells), 1))
    O2 = paint_object(O, recolor_object(middle, 2))
    O3 = paint_object(O2, recolor_object(last(cells), 3))
    return O3
