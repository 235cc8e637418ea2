# There are two solid yellow rectangles. Keep their one-cell outer rims yellow; fill the inside
# of the larger rectangle with red (2) and the inside of the smaller one with blue (1).
# colour-semantic: keep 1,2,4: the rectangles are yellow (4) and may cover most of the grid; the larger rectangle's inside is always red (2), the smaller's blue (1)
def solve(I):
    bg = first(drop_if(palette(I), fix_first(equals, 4)))
    rectangles = find_objects(I, True, False, bg)
    big = largest_object(rectangles)
    small = smallest_object(rectangles)
    big_inside = difference(object_cells(big), object_border_cells(big))
    small_inside = difference(object_cells(small), object_border_cells(small))
    with_red = set_cells(I, big_inside, 2)
    O = set_cells(with_red, small_inside, 1)
    return O
