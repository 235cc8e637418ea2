# Extend the azure stub and the red stub each into a full line along its own direction (a vertical
# stub into a column, a horizontal one into a row); the cell where they cross becomes yellow.
# colour-semantic: keep 2,4,8: the crossing of the azure and red lines becomes yellow; the azure line is drawn first
def solve(I):
    azure = cells_of_color(I, 8)
    red = cells_of_color(I, 2)
    azure_tall = greater_than(object_height(cells_to_object(azure, 8)), object_width(cells_to_object(azure, 8)))
    red_tall = greater_than(object_height(cells_to_object(red, 2)), object_width(cells_to_object(red, 2)))
    azure_line = if_else(azure_tall, column_cells_through(I, azure), row_cells_through(I, azure))
    red_line = if_else(red_tall, column_cells_through(I, red), row_cells_through(I, red))
    with_lines = set_cells(set_cells(I, azure_line, 8), red_line, 2)
    O = set_cells(with_lines, intersection(azure_line, red_line), 4)
    return O
