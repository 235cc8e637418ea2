# A thick frame of one colour holds a rectangle of a second colour; a few cells of the second
# colour stick into the frame. Each such cell sends a line across the whole grid (a row for the
# left/right sides, a column for the top/bottom): inside the frame's box the line is the frame
# colour (the stray cell included), outside it is the inner colour. The background is the colour
# of the grid's corner (the frame keeps clear of the edge).
def solve(I):
    bg = cell_color(I, 0, 0)
    frame_color = cell_color(crop_to_content(I, bg), 0, 0)
    inner_color = first(drop_if(palette(I), fix_first(contains, pair(bg, frame_color))))
    inner = largest_rectangle_of_color(I, inner_color, 2)
    strays = difference(cells_of_color(I, inner_color), inner)
    side_strays = intersection(strays, row_cells_through(I, inner))
    end_strays = intersection(strays, column_cells_through(I, inner))
    lines = union(row_cells_through(I, side_strays), column_cells_through(I, end_strays))
    box = bbox_of_cells(cells_of_color(I, frame_color))
    healed = set_cells(I, strays, frame_color)
    inside = set_cells(healed, intersection(lines, box), frame_color)
    O = set_cells(inside, difference(lines, box), inner_color)
    return O
